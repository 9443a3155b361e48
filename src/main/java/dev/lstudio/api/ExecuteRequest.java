package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST .../execute} in the live form: {@code command}, {@code detached} (the
 * server answers at once with a session to follow) and {@code sessionName} only when the caller
 * names one. The reference's {@code session} field does not exist on the live service, so it is
 * never sent.
 */
public record ExecuteRequest(
        @JsonProperty("command") String command,
        @JsonProperty("detached") Boolean detached,
        @JsonProperty("sessionName") String sessionName) {

    public static ExecuteRequest of(String command) {
        return new ExecuteRequest(command, null, null);
    }

    public static ExecuteRequest detached(String command) {
        return new ExecuteRequest(command, true, null);
    }

    public static ExecuteRequest detached(String command, String sessionName) {
        return new ExecuteRequest(command, true, sessionName);
    }
}
