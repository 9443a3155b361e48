package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A file written into a new Studio. */
public record SeedFile(@JsonProperty("path") String path, @JsonProperty("contents") String contents) {
}
