package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Output of a command: the answer of execute and of a session poll, and each event of the
 * stream. An exit code of {@code -1} (or none) means the command is still running.
 */
public record ExecuteResult(String output, Integer exitCode, String session) {

    /**
     * Reads either spelling of each field, also when a server sends both ({@code exitCode} and
     * {@code exit_code}, {@code session} and {@code sessionName}): Jackson's aliases on a record
     * fail on such a duplicate once every constructor argument has been seen.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ExecuteResult fromJson(JsonNode node) {
        JsonNode exit = first(node, "exitCode", "exit_code");
        JsonNode output = first(node, "output");
        JsonNode session = first(node, "session", "sessionName", "session_name");
        return new ExecuteResult(output == null ? null : output.asText(),
                exit == null || !(exit.isNumber() || exit.asText().matches("-?\\d+")) ? null : exit.asInt(),
                session == null ? null : session.asText());
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    public boolean finished() {
        return exitCode != null && exitCode != -1;
    }
}
