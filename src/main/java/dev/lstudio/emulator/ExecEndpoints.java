package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * execute, session poll and session stream. A command that outlives the detach threshold (or is
 * sent with {@code "detached": true}) answers at once with exit code -1 and its session; polls
 * return the cumulative output; the stream sends each new piece of output once, as it arrives.
 */
final class ExecEndpoints {
    private static final long HEARTBEAT_NANOS = 5_000_000_000L;
    private static final int MAX_COMMANDS_COUNTED = 10_000;
    /** The most output one stream event carries, in characters. */
    private static final int MAX_EVENT = 64 * 1024;

    private final Store store;
    private final Commands commands;
    private final Settings settings;

    ExecEndpoints(Store store, Commands commands, Settings settings) {
        this.store = store;
        this.commands = commands;
        this.settings = settings;
    }

    void register(Router r) {
        String base = "/v1/projects/{projectId}/cloudspaces/{id}/execute";
        r.add("POST", base, this::execute)
                .add("GET", base + "/{session}", this::poll)
                .add("GET", base + "/{session}/stream", this::stream);
    }

    private Reply execute(Request req) throws InterruptedException {
        JsonNode body = req.body();
        String command = Json.text(body, "command");
        if (command == null || command.isBlank()) {
            throw ApiError.invalid("command is required, e.g. {\"command\": \"echo hello\"}");
        }
        String session = Json.text(body, "session");
        if (session == null) {
            session = Json.text(body, "session_name");
        }
        boolean detached = Boolean.TRUE.equals(Json.bool(body, "detached"));
        CommandRun run = launch(req.param("projectId"), req.param("id"), command, session);
        CommandRun.Chunk c = detached ? run.all() : run.awaitExit(settings.detachAfter().toNanos());
        return Reply.json(Wire.ExecResult.of(run, c));
    }

    /** Starts a command in a running studio and counts it, so tests can tell a command never ran twice. */
    CommandRun launch(String projectId, String studioId, String command, String session) {
        return store.write(() -> {
            Studio s = store.studio(projectId, studioId);
            if (!s.isRunning()) {
                String phase = s.phase() == null ? "never started" : "phase " + s.phase();
                throw ApiError.failedPrecondition("studio " + s.name + " is not running (" + phase + "); start it"
                        + " with POST .../cloudspaces/" + s.id + "/start and wait for " + Studio.RUNNING);
            }
            CommandRun run = commands.launch(s, store.dir(s), command, session);
            s.lastActivityNanos = System.nanoTime();
            s.executed++;
            if (s.commandCounts.containsKey(command) || s.commandCounts.size() < MAX_COMMANDS_COUNTED) {
                s.commandCounts.merge(command, 1L, Long::sum);
            }
            return run;
        });
    }

    private CommandRun find(Request req) {
        return store.read(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            CommandRun run = commands.session(s.id, req.param("session"));
            if (run == null) {
                throw ApiError.notFound("no session '" + req.param("session") + "' in studio " + s.name
                        + "; sessions are named by POST .../execute");
            }
            if (s.isActive()) {
                s.lastActivityNanos = System.nanoTime();
            }
            return run;
        });
    }

    private Reply poll(Request req) {
        CommandRun run = find(req);
        return Reply.json(Wire.ExecResult.of(run, run.all()));
    }

    private Reply stream(Request req) {
        CommandRun run = find(req);
        String accept = req.header("Accept");
        boolean ndjson = accept != null && accept.contains("application/x-ndjson");
        int from = offset(req.header("Last-Event-ID"), req.query("offset"));
        return Reply.stream(ndjson ? "application/x-ndjson" : "text/event-stream", out -> {
            int pos = from;
            while (true) {
                CommandRun.Chunk c = run.since(pos, MAX_EVENT, HEARTBEAT_NANOS);
                if (c.done()) {
                    send(out, ndjson, Wire.StreamLine.of(c.text(), c.exitCode()), c.end());
                    return;
                }
                if (c.text().isEmpty()) {
                    // keeps idle connections (and clients' read timeouts) alive while a command is silent
                    if (ndjson) {
                        send(out, true, Wire.StreamLine.of("", -1), pos);
                    } else {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } else {
                    send(out, ndjson, Wire.StreamLine.of(c.text(), -1), c.end());
                    pos = c.end();
                }
            }
        });
    }

    private static int offset(String lastEventId, String query) {
        String text = lastEventId != null ? lastEventId : query;
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.invalid("offset '" + text + "' must be a character offset into the output, e.g. 0");
        }
    }

    private static void send(OutputStream out, boolean ndjson, Wire.StreamLine line, int end) throws IOException {
        String json = Json.MAPPER.writeValueAsString(line);
        String frame = ndjson ? json + "\n" : "id: " + end + "\ndata: " + json + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
