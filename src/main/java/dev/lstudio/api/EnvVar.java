package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One environment variable of a Studio's code config. */
public record EnvVar(@JsonProperty("name") String name, @JsonProperty("value") String value) {
    @Override
    public String toString() {
        // values are often tokens: keep them out of logs and error messages
        return "EnvVar[" + name + "=****]";
    }
}
