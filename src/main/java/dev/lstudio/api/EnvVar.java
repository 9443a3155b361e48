package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One environment variable of a Studio ({@code V1EnvVar}). {@code fromSecret} marks a value the
 * server fills from a teamspace secret; it is sent back as read, so an update keeps it a secret.
 */
public record EnvVar(
        @JsonProperty("name") String name,
        @JsonProperty("value") String value,
        @JsonProperty("fromSecret") @JsonAlias("from_secret") Boolean fromSecret) {

    public EnvVar(String name, String value) {
        this(name, value, null);
    }

    @Override
    public String toString() {
        // values are often tokens: keep them out of logs and error messages
        return "EnvVar[" + name + "=****]";
    }
}
