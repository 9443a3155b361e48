package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Enforces {@code maxRuntime} (per studio, from its start) and {@code budget(maxHours: ...)} (the
 * machine time of every studio the run started) on this side, whatever the server does: when a
 * limit runs out it records a {@link DslTimeoutException} saying why (the runner reports it with
 * exit 124), interrupts the threads that started the studios concerned, and stops those studios.
 * Stopping happens on a thread of its own; {@link #close()} waits for it, so the exit summary
 * (which calls close first) never reports a stop still under way.
 */
final class Watchdog {
    private static final long BUDGET_TICK_MILLIS = 250;
    /** Longer than the client's own stop deadline (10 min by default), so the stop decides. */
    private static final Duration STOP_LIMIT = Duration.ofMinutes(15);

    private final Ledger ledger;
    private final Consumer<String> log;
    private final Map<Ledger.Entry, ScheduledFuture<?>> limits = new HashMap<>();
    private final List<Thread> stoppers = new ArrayList<>();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> budgetCheck;
    private Duration budget;
    private DslTimeoutException failure;
    private boolean closed;

    Watchdog(Ledger ledger, Consumer<String> log) {
        this.ledger = ledger;
        this.log = log;
    }

    /** The limit that ran out first, or null. */
    synchronized DslTimeoutException failure() {
        return failure;
    }

    /** A studio was started (again): (re)arms its maxRuntime, when it has one. */
    synchronized void armed(Ledger.Entry entry, Duration maxRuntime) {
        if (closed || maxRuntime == null) {
            return;
        }
        ScheduledFuture<?> previous = limits.remove(entry);
        if (previous != null) {
            previous.cancel(false);
        }
        String why = "studio '" + entry.name() + "' reached its maxRuntime of " + Durations.format(maxRuntime);
        limits.put(entry, timer().schedule(() -> expire(List.of(entry), why, maxRuntime), maxRuntime.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    /** From now on, the machine time of the run's studios may not pass {@code limit}. */
    synchronized void budget(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new DslException("budget: maxHours must be more than 0");
        }
        budget = limit;
        if (budgetCheck == null && !closed) {
            budgetCheck = timer().scheduleWithFixedDelay(this::checkBudget, 0, BUDGET_TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void checkBudget() {
        Duration limit;
        synchronized (this) {
            limit = budget;
        }
        Duration used = ledger.machineTime();
        if (limit != null && used.compareTo(limit) >= 0 && !ledger.running().isEmpty()) {
            expire(ledger.running(), "the run's budget of " + Durations.format(limit)
                    + " of machine time is used up (" + Durations.format(used) + ")", limit);
        }
    }

    private void expire(List<Ledger.Entry> entries, String why, Duration limit) {
        Thread stopper;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (failure == null) {
                failure = new DslTimeoutException(why + "; stopped it", limit);
            }
            if (budgetCheck != null && why.startsWith("the run's budget")) {
                budgetCheck.cancel(false);
                budgetCheck = null;
                budget = null;
            }
            stopper = new Thread(() -> {
                log.accept(why + "; stopping it");
                // Interrupt first: a block that started the studio stops it on its own thread as it
                // unwinds (and this stop then finds it done); otherwise the stop below does it.
                Set<Thread> owners = new LinkedHashSet<>();
                entries.forEach(e -> owners.add(e.owner()));
                owners.forEach(t -> {
                    if (t != null && t != Thread.currentThread()) {
                        t.interrupt();
                    }
                });
                ledger.stopNow(entries, true);
            }, "lstudio-watchdog-stop");
            stopper.setDaemon(true);
            stoppers.add(stopper);
        }
        stopper.start();
    }

    /** Ends the timers and waits for stops under way (the run is ending). */
    void close() {
        List<Thread> running;
        synchronized (this) {
            closed = true;
            limits.values().forEach(f -> f.cancel(false));
            limits.clear();
            if (timer != null) {
                timer.shutdownNow();
            }
            running = new ArrayList<>(stoppers);
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        for (Thread t : running) {
            while (t.isAlive() && System.nanoTime() < deadline) {
                try {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    // the stopper interrupts the thread that started the studio, maybe this one: the run ends anyway
                }
            }
            if (t.isAlive()) {
                log.accept("a studio stopped for a limit is still stopping after " + Durations.format(STOP_LIMIT)
                        + "; check it on lightning.ai");
            }
        }
        Thread.interrupted();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lstudio-watchdog");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }
}
