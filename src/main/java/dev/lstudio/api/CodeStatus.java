package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** {@code GET .../codestatus}: the instance in use (null when stopped) and the one being switched to. */
public record CodeStatus(
        @JsonAlias("in_use") InstanceStatus inUse,
        InstanceStatus requested) {
}
