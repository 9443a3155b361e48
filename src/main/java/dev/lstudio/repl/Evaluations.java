package dev.lstudio.repl;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;

/**
 * Runs each evaluation on its own worker thread while the terminal's thread waits, so that Ctrl-C
 * (SIGINT, handled only while the evaluation runs) can interrupt the worker and give the prompt back.
 * A worker that ignores the interrupt is given a grace period, then abandoned; a second Ctrl-C
 * abandons it at once.
 */
final class Evaluations {

    /** The evaluation was stopped by Ctrl-C. */
    static final class Interrupted extends Exception {
        private final boolean abandoned;

        Interrupted(boolean abandoned) {
            super(abandoned ? "interrupted; the evaluation did not stop and was left behind" : "interrupted");
            this.abandoned = abandoned;
        }

        boolean abandoned() {
            return abandoned;
        }
    }

    private static final long POLL_MILLIS = 50;

    private final Terminal terminal;
    private final Duration grace;
    private final Runnable onInterrupt;

    Evaluations(Terminal terminal, Duration grace, Runnable onInterrupt) {
        this.terminal = terminal;
        this.grace = grace;
        this.onInterrupt = onInterrupt;
    }

    Object run(Callable<Object> work) throws Throwable {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "lstudio-eval");
        worker.setDaemon(true);
        AtomicInteger signals = new AtomicInteger();
        Terminal.SignalHandler previous = terminal.handle(Signal.INT, s -> {
            if (signals.incrementAndGet() == 1) {
                onInterrupt.run();
            }
            worker.interrupt();
        });
        try {
            worker.start();
            while (!result.isDone()) {
                if (signals.get() > 0 && !awaitAfterInterrupt(result, signals)) {
                    throw new Interrupted(true);
                }
                await(result, POLL_MILLIS);
            }
        } finally {
            terminal.handle(Signal.INT, previous);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (signals.get() > 0) {
                throw new Interrupted(false);
            }
            throw e.getCause();
        }
    }

    /** Waits out the grace period; false when the worker is still running after it or after a second Ctrl-C. */
    private boolean awaitAfterInterrupt(CompletableFuture<Object> result, AtomicInteger signals) {
        int seen = signals.get();
        long deadline = System.nanoTime() + grace.toNanos();
        while (!result.isDone() && signals.get() == seen && System.nanoTime() < deadline) {
            await(result, POLL_MILLIS);
        }
        return result.isDone();
    }

    private static void await(CompletableFuture<Object> result, long millis) {
        try {
            result.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the loop looks at the future again
        } catch (InterruptedException e) {
            // Only Ctrl-C stops an evaluation, and it reaches the worker through the signal handler;
            // keeping the flag here would turn this wait into a busy loop.
        }
    }
}
