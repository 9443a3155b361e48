package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Answer of the {@code runs} call; lstudio only keeps its id. */
public record LightningRun(String id, String name, @JsonAlias("cloud_space_id") String cloudSpaceId) {
}
