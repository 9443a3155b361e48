package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag on a Studio ({@code V1ResourceTag}). */
public record ResourceTag(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("internal") Boolean internal) {
}
