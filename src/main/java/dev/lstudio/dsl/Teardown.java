package dev.lstudio.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Actions that must run however a run ends: on an exception, on SIGINT/SIGTERM and at exit.
 * They run last-registered-first, each at most once, and a failing action does not stop the
 * ones after it. The runner calls {@link #runAll()} in a finally block and from its signal
 * handler; both may race: a second caller waits for the first to finish, and {@code runAll}
 * also waits for actions that other threads are running early ({@link Action#runNow()}), so
 * that nothing is still being stopped when it returns.
 *
 * <p>Actions run outside the registry's lock: while one stops a studio, other threads can still
 * register, cancel or run theirs (a stop may itself wait for another thread that does).
 *
 * <p>Two kinds: {@link #add} actions always run; {@link #guard} actions (such as "stop the
 * studio this block started") are dropped once the script calls {@link #keepRunning()} or the
 * action's own {@link Action#keep()}. {@link #last} actions (the exit summary) run after all
 * the others, whenever they were registered, and are not announced.
 */
public final class Teardown {
    private final Deque<Action> actions = new ArrayDeque<>();
    private final Deque<Action> finals = new ArrayDeque<>();
    private final Object running = new Object();
    private final Consumer<String> log;
    private boolean keepRunning;
    private boolean begun;
    private int inFlight;

    private Teardown(Consumer<String> log) {
        this.log = log;
    }

    /** A registry that reports what it does to {@code log} (the runner's stderr sink). */
    public static Teardown create(Consumer<String> log) {
        return new Teardown(Objects.requireNonNull(log, "log"));
    }

    public Action add(String description, Runnable action) {
        return register(description, action, false, false);
    }

    public Action guard(String description, Runnable action) {
        return register(description, action, true, false);
    }

    /** An action that runs after every other one (in registration order among its kind), without a "teardown:" line. */
    public Action last(String description, Runnable action) {
        return register(description, action, false, true);
    }

    /** From now on, guard actions (registered before or after) are left undone at exit. */
    public synchronized void keepRunning() {
        keepRunning = true;
    }

    public synchronized boolean keepingRunning() {
        return keepRunning;
    }

    /** Whether {@link #runAll()} was called: the run is ending, and nothing new is to be started. */
    public synchronized boolean begun() {
        return begun;
    }

    public synchronized int pending() {
        return actions.size() + finals.size();
    }

    /**
     * Runs every pending action, newest first, then the {@link #last} ones, and returns the
     * failures (already logged). The caller's interrupt flag is cleared while actions run and
     * restored afterwards: the usual caller was just interrupted by a signal, and cleanup must
     * not fail because of it.
     */
    public List<Throwable> runAll() {
        synchronized (this) {
            begun = true;
        }
        synchronized (running) {
            List<Throwable> failures = new ArrayList<>();
            boolean interrupted = Thread.interrupted();
            try {
                runClaimed(false, failures);
                interrupted |= awaitInFlight();
                runClaimed(true, failures);
                interrupted |= awaitInFlight();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return failures;
        }
    }

    private void runClaimed(boolean finalsToo, List<Throwable> failures) {
        Action next;
        while ((next = claim(finalsToo)) != null) {
            Throwable failure = next.perform();
            if (failure != null) {
                failures.add(failure);
            }
        }
    }

    /** The next action to run, marked done; a guard left running is logged and passed over. */
    private synchronized Action claim(boolean finalsToo) {
        while (true) {
            Action next = actions.pollFirst();
            if (next == null && finalsToo) {
                next = finals.pollFirst();
            }
            if (next == null) {
                return null;
            }
            if (next.done) {
                continue;
            }
            if (next.guard && (keepRunning || next.kept)) {
                log.accept("not done (keepRunning): " + next.description + "; it keeps running");
                continue;
            }
            next.done = true;
            return next;
        }
    }

    /** Waits until no action runs on another thread; returns whether an interrupt came meanwhile. */
    private synchronized boolean awaitInFlight() {
        boolean interrupted = false;
        while (inFlight > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private synchronized Action register(String description, Runnable action, boolean guard, boolean last) {
        Action registered = new Action(Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(action, "action"), guard, last);
        if (last) {
            finals.addLast(registered);
        } else {
            actions.addFirst(registered);
        }
        return registered;
    }

    /** A registered action; the code that registered it may finish it early or drop it. */
    public final class Action {
        private final String description;
        private final Runnable body;
        private final boolean guard;
        private final boolean quiet;
        private boolean kept;
        private boolean done;

        private Action(String description, Runnable body, boolean guard, boolean quiet) {
            this.description = description;
            this.body = body;
            this.guard = guard;
            this.quiet = quiet;
        }

        public String description() {
            return description;
        }

        /** Removes the action without running it (the work it guards ended cleanly). */
        public void cancel() {
            synchronized (Teardown.this) {
                actions.remove(this);
                finals.remove(this);
                done = true;
            }
        }

        /** Runs the action now, if it has not run yet, and removes it; rethrows its failure. */
        public void runNow() {
            synchronized (Teardown.this) {
                actions.remove(this);
                finals.remove(this);
                if (done) {
                    return;
                }
                done = true;
            }
            Throwable failure = perform();
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            if (failure != null) {
                throw new DslException("teardown '" + description + "' failed", failure);
            }
        }

        /** Whether it has run (or is running) or was cancelled. */
        public boolean finished() {
            synchronized (Teardown.this) {
                return done;
            }
        }

        /** For a guard: leave what it guards running at exit. */
        public void keep() {
            synchronized (Teardown.this) {
                kept = true;
            }
        }

        /** For a guard: whether it will be left undone at exit ({@link #keep()} or {@link Teardown#keepRunning()}). */
        public boolean kept() {
            synchronized (Teardown.this) {
                return guard && (kept || keepRunning);
            }
        }

        /** Runs the body (claimed by the caller), counted as in flight so that runAll waits for it. */
        private Throwable perform() {
            synchronized (Teardown.this) {
                inFlight++;
            }
            try {
                if (!quiet) {
                    log.accept("teardown: " + description);
                }
                body.run();
                return null;
            } catch (Throwable e) { // Groovy closures throw checked exceptions unchecked
                log.accept("teardown '" + description + "' failed: " + e);
                return e;
            } finally {
                synchronized (Teardown.this) {
                    inFlight--;
                    Teardown.this.notifyAll();
                }
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
