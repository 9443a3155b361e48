package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * execute, session poll and session stream, as the live service answers them. A detached submit
 * answers at once with the live placeholder (exit code 0, "Command Started Successfully": it says
 * nothing about the command); the reference's synchronous form waits for the command, up to the
 * detach threshold. Polls and the default (NDJSON) stream return all output from the start, exit
 * code -1 while running; the stream is finite, and clients call it again. The long-lived SSE stream
 * of the reference (each piece once, {@code id:} offsets, Last-Event-ID) is kept for
 * {@code Accept: text/event-stream}.
 */
final class ExecEndpoints {
    private static final long HEARTBEAT_NANOS = 5_000_000_000L;
    /** How long a finite stream of a silent running command waits for output before answering what there is. */
    private static final long HOLD_NANOS = 1_000_000_000L;
    private static final int MAX_COMMANDS_COUNTED = 10_000;
    /** The most output one stream event or NDJSON line carries, in characters. */
    static final int MAX_EVENT = 64 * 1024;

    private final Store store;
    private final ShellSessions commands;
    private final Settings settings;

    ExecEndpoints(Store store, ShellSessions commands, Settings settings) {
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
        String session = Json.text(body, "session_name");
        if (session == null) {
            session = Json.text(body, "session");
        }
        boolean detached = Boolean.TRUE.equals(Json.bool(body, "detached"));
        CommandRun run = launch(req.param("projectId"), req.param("id"), command, session);
        if (detached) {
            return Reply.json(new Wire.Submitted(0, Wire.STARTED, run.session));
        }
        CommandRun.Chunk c = run.awaitExit(settings.detachAfter().toNanos());
        return Reply.json(new Wire.Submitted(c.exitCode(), c.text(), run.session));
    }

    /** Starts a command in a running studio and counts it, so tests can tell a command never ran twice. */
    CommandRun launch(String projectId, String studioId, String command, String session) {
        return store.write(() -> {
            StudioRecord s = store.studio(projectId, studioId);
            if (!s.isRunning()) {
                String phase = s.phase() == null ? "never started" : "phase " + s.phase();
                throw ApiError.failedPrecondition("studio " + s.name + " is not running (" + phase + "); start it"
                        + " with POST .../cloudspaces/" + s.id + "/start and wait for " + StudioRecord.RUNNING);
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
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
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
        return Reply.json(Wire.SessionOutput.of(run.all()));
    }

    private Reply stream(Request req) {
        CommandRun run = find(req);
        String accept = req.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            return Reply.stream("application/x-ndjson", out -> finite(run, out));
        }
        return events(run, req);
    }

    /** The live stream: all output so far in lines of at most MAX_EVENT characters, then the end of the response. */
    private static void finite(CommandRun run, OutputStream out) throws IOException, InterruptedException {
        CommandRun.Chunk c = run.all();
        if (!c.done()) {
            run.since(c.end(), 0, HOLD_NANOS);
            c = run.all();
        }
        StringBuilder body = new StringBuilder();
        for (String piece : pieces(c.text(), MAX_EVENT)) {
            body.append(Json.MAPPER.writeValueAsString(Wire.StreamLine.of(piece, c.exitCode()))).append('\n');
        }
        out.write(body.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Output cut into pieces of at most {@code max} characters, at line ends where a line allows it,
     * never inside a surrogate pair; at least one piece, so that an empty output still answers a line.
     */
    static List<String> pieces(String text, int max) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (text.length() - from > max) {
            int to = text.lastIndexOf('\n', from + max - 1) + 1;
            if (to <= from) {
                to = from + max;
                if (Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--;
                }
            }
            out.add(text.substring(from, to));
            from = to;
        }
        if (from < text.length() || out.isEmpty()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** The reference's server-sent events: each piece once, ids are output offsets, a heartbeat while silent. */
    private Reply events(CommandRun run, Request req) {
        int from = offset(req.header("Last-Event-ID"), req.query("offset"));
        return Reply.stream("text/event-stream", out -> {
            int pos = from;
            while (true) {
                CommandRun.Chunk c = run.since(pos, MAX_EVENT, HEARTBEAT_NANOS);
                if (c.done()) {
                    send(out, Wire.StreamLine.of(c.text(), c.exitCode()), c.end());
                    return;
                }
                if (c.text().isEmpty()) {
                    // keeps idle connections (and clients' read timeouts) alive while a command is silent
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    send(out, Wire.StreamLine.of(c.text(), -1), c.end());
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

    private static void send(OutputStream out, Wire.StreamLine line, int end) throws IOException {
        String frame = "id: " + end + "\ndata: " + Json.MAPPER.writeValueAsString(line) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
