package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST .../execute}: the reference's {@code command}/{@code session}, plus the
 * SDK's {@code detached} which makes the server answer at once with a session to follow.
 */
public record ExecuteRequest(
        @JsonProperty("command") String command,
        @JsonProperty("session") String session,
        @JsonProperty("detached") Boolean detached) {

    public static ExecuteRequest of(String command) {
        return new ExecuteRequest(command, null, null);
    }

    public static ExecuteRequest detached(String command) {
        return new ExecuteRequest(command, null, true);
    }
}
