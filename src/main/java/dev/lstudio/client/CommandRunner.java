package dev.lstudio.client;

import dev.lstudio.api.ApiException;
import dev.lstudio.api.Backoff;
import dev.lstudio.api.ExecuteRequest;
import dev.lstudio.api.ExecuteResult;
import dev.lstudio.api.ExecuteStream;
import dev.lstudio.api.NetworkException;
import dev.lstudio.api.PermissionDeniedException;
import dev.lstudio.api.ServerErrorException;
import dev.lstudio.api.Sleeper;
import dev.lstudio.api.UnauthenticatedException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a command and follows its output live. The detached execute answers at once with a
 * session name; its exit code and output are a placeholder ("Command Started Successfully"), so
 * only the session is taken from it. The session's stream is then read as the live service
 * serves it: a finite answer holding all output from the start, exit code -1 while running, so
 * it is called again about every second until a final exit code arrives. Long-lived streams
 * (SSE, NDJSON that lasts until the end) are read the same way. When the stream cannot be opened
 * or breaks, the session is polled instead, which is safe to repeat.
 */
final class CommandRunner {
    /** The live service is asked again about once a second, as both SDKs do. */
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /** No jitter: each poll follows one command's own session, so there is no crowd to spread out. */
    private static final Backoff PACE = Backoff.of(FIRST_WAIT, 1.5, MAX_WAIT).withJitter(0);

    private final Context context;

    CommandRunner(Context context) {
        this.context = context;
    }

    ExecResult run(String projectId, String studioId, String studioName, String command, Duration timeout,
                   Consumer<String> output) {
        Sleeper clock = context.options().sleeper();
        long start = clock.nanoTime();
        OutputTracker tracker = new OutputTracker(output == null ? text -> { } : output);
        ExecuteResult first;
        try {
            first = context.api().execute(projectId, studioId, ExecuteRequest.detached(command));
        } catch (ServerErrorException | NetworkException e) {
            throw e.noting("not sent again: the command may have started, so check the studio before running it twice");
        }
        String session = first.session();
        if (session == null || session.isBlank()) {
            throw new UnsupportedAnswerException("execute in studio '" + studioName
                    + "' answered without a session name to follow, so the command's output and exit code are unknown");
        }
        Follow follow = new Follow(projectId, studioId, studioName, session, tracker, start, timeout);
        return follow.run();
    }

    /** One command being followed: the stream while it serves, then polls. */
    private final class Follow {
        private final String projectId;
        private final String studioId;
        private final String studioName;
        private final String session;
        private final OutputTracker tracker;
        private final long start;
        private final Duration timeout;
        private int pauses;

        Follow(String projectId, String studioId, String studioName, String session, OutputTracker tracker,
               long start, Duration timeout) {
            this.projectId = projectId;
            this.studioId = studioId;
            this.studioName = studioName;
            this.session = session;
            this.tracker = tracker;
            this.start = start;
            this.timeout = timeout;
        }

        ExecResult run() {
            while (true) {
                Answer answer = stream();
                if (answer == Answer.NONE) {
                    return poll();
                }
                if (answer.exitCode != null) {
                    return result(answer.exitCode);
                }
                pause();
            }
        }

        /** Reads one answer of the stream to its end; {@link Answer#NONE} when there is no usable stream. */
        private Answer stream() {
            Duration left = remaining();
            if (left.isNegative() || left.isZero()) {
                throw timedOut();
            }
            try (ExecuteStream stream = context.api().executeStream(projectId, studioId, session, left)) {
                Integer exit = null;
                boolean any = false;
                ExecuteResult event;
                while ((event = stream.next()) != null) {
                    any = true;
                    if (stream.position() != null) {
                        tracker.positioned(event.output(), stream.position());
                    } else {
                        tracker.streamed(event.output(), stream.offset());
                    }
                    if (event.finished()) {
                        if (exit != null && !exit.equals(event.exitCode())) {
                            throw new UnsupportedAnswerException("the output stream of session " + session + " in studio '"
                                    + studioName + "' gave two exit codes in one answer (" + exit + " and "
                                    + event.exitCode() + "); the command's result is unknown");
                        }
                        exit = event.exitCode();
                        if (stream.position() == null) {
                            return new Answer(exit); // an SSE server may hold the stream open after the end
                        }
                    }
                }
                return any ? new Answer(exit) : Answer.NONE;
            } catch (UnauthenticatedException | PermissionDeniedException e) {
                throw e;
            } catch (ApiException e) {
                // No stream on this server (404/405/501), a broken or refused one (5xx, network):
                // polling the session, which is safe to repeat, follows the command to its end.
                return Answer.NONE;
            }
        }

        private ExecResult poll() {
            while (true) {
                ExecuteResult now = context.api().executeOutput(projectId, studioId, session);
                tracker.snapshot(now.output());
                if (now.finished()) {
                    return result(now.exitCode());
                }
                pause();
            }
        }

        private void pause() {
            Duration left = remaining();
            if (left.isNegative() || left.isZero()) {
                throw timedOut();
            }
            Duration delay = PACE.delay(++pauses);
            context.waiter().sleep(delay.compareTo(left) < 0 ? delay : left);
        }

        private CommandTimeoutException timedOut() {
            return new CommandTimeoutException("command in studio '" + studioName + "' still running after "
                    + Durations.format(timeout) + " (session " + session + "); it may still be running there: "
                    + "give a longer timeout, or stop the studio to end it", tracker.text(), session);
        }

        private Duration remaining() {
            return timeout.minusNanos(context.options().sleeper().nanoTime() - start);
        }

        private ExecResult result(int exitCode) {
            Duration took = Duration.ofNanos(context.options().sleeper().nanoTime() - start);
            return new ExecResult(tracker.text(), exitCode, took, session);
        }
    }

    /** What one answer of the stream said: a final exit code, or null while the command runs. */
    private static final class Answer {
        static final Answer NONE = new Answer(null);
        final Integer exitCode;

        Answer(Integer exitCode) {
            this.exitCode = exitCode;
        }
    }
}
