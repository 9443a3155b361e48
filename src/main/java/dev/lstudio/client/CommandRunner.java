package dev.lstudio.client;

import dev.lstudio.api.ApiException;
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
 * Runs a command and follows its output live: a detached execute gives a session; its stream
 * is read while it lasts; if the stream cannot be opened or breaks, the session is polled
 * (with growing delays) until the exit code arrives or the timeout passes.
 */
final class CommandRunner {
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
        tracker.snapshot(first.output());
        if (first.finished()) {
            return result(tracker, first.exitCode(), start, first.session());
        }
        String session = first.session();
        if (session == null) {
            throw new UnsupportedAnswerException("execute in studio '" + studioName
                    + "' returned neither an exit code nor a session to follow; the server may not support detached commands");
        }
        Integer exit = stream(projectId, studioId, session, tracker, remaining(start, timeout));
        if (exit != null) {
            return result(tracker, exit, start, session);
        }
        return poll(projectId, studioId, studioName, session, tracker, start, timeout);
    }

    /** Reads the stream to its end; the exit code, or null when the stream gave none (then polling takes over). */
    private Integer stream(String projectId, String studioId, String session, OutputTracker tracker, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return null;
        }
        try (ExecuteStream stream = context.api().executeStream(projectId, studioId, session, remaining)) {
            ExecuteResult event;
            while ((event = stream.next()) != null) {
                tracker.streamed(event.output(), stream.offset());
                if (event.finished()) {
                    return event.exitCode();
                }
            }
            return null;
        } catch (UnauthenticatedException | PermissionDeniedException e) {
            throw e;
        } catch (ApiException e) {
            // No stream on this server (404/405/501), a broken or refused one (5xx, network):
            // polling the session, which is safe to repeat, follows the command to its end.
            return null;
        }
    }

    private ExecResult poll(String projectId, String studioId, String studioName, String session,
                            OutputTracker tracker, long start, Duration timeout) {
        Duration delay = context.waiter().initialDelay();
        while (true) {
            ExecuteResult now = context.api().executeOutput(projectId, studioId, session);
            tracker.snapshot(now.output());
            if (now.finished()) {
                return result(tracker, now.exitCode(), start, session);
            }
            Duration left = remaining(start, timeout);
            if (left.isNegative() || left.isZero()) {
                throw new CommandTimeoutException("command in studio '" + studioName + "' still running after "
                        + Waiter.human(timeout) + " (session " + session + "); it may still be running there: "
                        + "give a longer timeout, or stop the studio to end it", tracker.text(), session);
            }
            context.waiter().sleep(delay.compareTo(left) < 0 ? Waiter.jitter(delay) : left);
            delay = context.waiter().nextDelay(delay);
        }
    }

    private Duration remaining(long start, Duration timeout) {
        return timeout.minusNanos(context.options().sleeper().nanoTime() - start);
    }

    private ExecResult result(OutputTracker tracker, int exitCode, long start, String session) {
        Duration took = Duration.ofNanos(context.options().sleeper().nanoTime() - start);
        return new ExecResult(tracker.text(), exitCode, took, session);
    }
}
