package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The machine of a start, switch or fork ({@code compute_config}). Written in the reference's
 * snake_case; read in either spelling. The run duration is a 64-bit number and so travels as
 * a JSON string.
 */
public record ComputeConfig(
        @JsonProperty("name") String name,
        @JsonProperty("spot") Boolean spot,
        @JsonProperty("requested_run_duration_seconds") @JsonAlias("requestedRunDurationSeconds")
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long requestedRunDurationSeconds) {

    public static ComputeConfig of(String machine) {
        return new ComputeConfig(machine, null, null);
    }
}
