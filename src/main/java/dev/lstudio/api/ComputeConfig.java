package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The machine of a start or switch ({@code computeConfig}). Written in the live camelCase; read
 * in either spelling. {@code name} is the slug asked for; in an instance status it may be an
 * instance type instead (e.g. {@code p5.48xlarge}). The run duration is a 64-bit number and so
 * travels as a JSON string.
 */
public record ComputeConfig(
        @JsonProperty("name") String name,
        @JsonProperty("spot") Boolean spot,
        @JsonProperty("requestedRunDurationSeconds") @JsonAlias("requested_run_duration_seconds")
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long requestedRunDurationSeconds) {

    public static ComputeConfig of(String machine) {
        return new ComputeConfig(machine, null, null);
    }
}
