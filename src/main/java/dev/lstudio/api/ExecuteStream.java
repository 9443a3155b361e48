package dev.lstudio.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The output stream of a command session, read event by event. Both wire forms are read,
 * whatever the Content-Type says: server-sent events ({@code data:} lines, an event ending at
 * a blank line) and newline-delimited JSON. Each event is
 * {@code {"result": {"output", "exitCode"}}}, a bare {@code {"output", "exitCode"}}, or
 * {@code {"error": {"code", "message"}}} (thrown as the matching {@link ApiException}); SSE data
 * that is not JSON is taken as plain output text. Events are returned as sent; each says where
 * it ends when the wire says so ({@link #offset()} for SSE ids, {@link #position()} for NDJSON
 * lines), and the caller places it by that.
 */
public final class ExecuteStream implements AutoCloseable {
    private final ResponseBody body;
    private final BufferedSource source;
    private final Request request;
    private final Errors errors;
    private final StringBuilder data = new StringBuilder();
    private boolean inEvent;
    private String id;
    private Long offset;
    private Long position;
    private long joined;

    ExecuteStream(ResponseBody body, Request request, Errors errors) {
        this.body = body;
        this.source = body.source();
        this.request = request;
        this.errors = errors;
    }

    /** The next event, or {@code null} when the stream has ended. */
    public ExecuteResult next() {
        offset = null;
        position = null;
        try {
            String line;
            while ((line = source.readUtf8Line()) != null) {
                ExecuteResult event = accept(line);
                if (event != null) {
                    return event;
                }
            }
            return inEvent ? dispatch() : null;
        } catch (IOException e) {
            throw errors.network(request, e);
        }
    }

    private ExecuteResult accept(String line) {
        if (line.startsWith("data:")) {
            String value = line.substring(5);
            data.append(data.length() > 0 || inEvent ? "\n" : "").append(value.startsWith(" ") ? value.substring(1) : value);
            inEvent = true;
            return null;
        }
        if (line.isBlank()) {
            return inEvent ? dispatch() : null;
        }
        if (line.startsWith("id:")) {
            id = line.substring(3).strip();
            return null;
        }
        if (line.startsWith(":") || line.startsWith("event:") || line.startsWith("retry:")) {
            return null;
        }
        return parse(line, false);
    }

    private ExecuteResult dispatch() {
        String payload = data.toString();
        data.setLength(0);
        inEvent = false;
        offset = id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
        id = null;
        return parse(payload, true);
    }

    /**
     * The id of the server-sent event {@link #next()} returned last, when it is a number, or null.
     * Servers that resume streams by offset (the emulator does) send there where the event's
     * output ends in the whole output; the caller decides whether it reads it so.
     */
    public Long offset() {
        return offset;
    }

    /**
     * For a newline-delimited JSON line {@link #next()} returned last: where its output ends
     * within this response, counting every line's output from the start of the response; null
     * for a server-sent event. The live service sends one chunk a line and each response starts
     * again from the command's first output, so this places a chunk in the whole output.
     */
    public Long position() {
        return position;
    }

    private ExecuteResult parse(String payload, boolean sse) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            if (sse) {
                return new ExecuteResult(payload, null, null);
            }
            throw errors.malformed(request, 200, "a stream line " + Errors.describe(payload), null);
        }
        if (node.hasNonNull("error")) {
            throw errors.fromStreamError(request, Json.mapper().convertValue(node.get("error"), ErrorBody.class));
        }
        JsonNode result = node.hasNonNull("result") ? node.get("result") : node;
        ExecuteResult event = Json.mapper().convertValue(result, ExecuteResult.class);
        if (!sse) {
            joined += event.output() == null ? 0 : event.output().length();
            position = joined;
        }
        return event;
    }

    @Override
    public void close() {
        body.close();
    }
}
