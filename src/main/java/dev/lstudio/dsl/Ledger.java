package dev.lstudio.dsl;

import dev.lstudio.client.Failure;
import dev.lstudio.client.KeepAlive;
import dev.lstudio.client.MachinePlan;
import dev.lstudio.client.OwnedStudio;
import dev.lstudio.client.Studio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The promise to stop what this run started. What it started is the client's
 * {@link dev.lstudio.client.Ownership}: one {@link OwnedStudio} record per studio (machines, when
 * first started), in memory and, while owned, on disk for {@code lstudio cleanup}; this class
 * reads those records and adds only what a run does about them: a guard in the teardown
 * registry ("stop studio x") registered before the start request goes out, so an interrupt at
 * any moment still stops it (a clean {@code stop()} cancels it), the keep-alive beat, the time
 * running and its price estimate for the exit summary, and what the {@link Watchdog} counts
 * against {@code maxRuntime} and {@code budget}.
 */
final class Ledger {
    private final DslContext context;
    private final LongSupplier nanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Watchdog watchdog;
    private boolean summaryRegistered;

    Ledger(DslContext context, LongSupplier nanos) {
        this.context = context;
        this.nanos = nanos;
        this.watchdog = new Watchdog(this, context.output()::log);
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /** What this run does about one studio it started (once or several times); its record is the ownership's. */
    static final class Entry {
        final Studio studio;
        private long runningSince = -1;
        private long ranNanos;
        private Teardown.Action guard;
        private KeepAlive.Hold beat;
        /** What the machine in use costs an hour, as its status said (null: it did not say), and since when. */
        private Double pricePerHour;
        private long pricedSince = -1;
        private double cost;
        private boolean priced;
        private Thread owner;
        /** The {@code studio('x') { ... }} block whose start this was, if any: its failure stops it. */
        private Object block;
        /** The record as it was before the latest start (null: none), put back if the server refuses that start. */
        private OwnedStudio beforeStart;
        private boolean kept;
        /** The machine it ran on when this run found it running and moved it (null: this run started it): teardown puts it back. */
        private String foundOn;
        /** The command that failed the run on this studio (check: true), for the summary; null: none. */
        private ExecFailure failed;

        private Entry(Studio studio) {
            this.studio = studio;
        }

        String name() {
            return studio.name();
        }

        Thread owner() {
            return owner;
        }
    }

    /**
     * Called just before this run asks the server to start {@code studio}, from {@code block} (a
     * {@code studio('x') { ... }} block, or null): from here on it is this run's to stop.
     * {@code maxRuntime} (or null) arms the watchdog. The studio is recorded first, on disk too
     * (unless kept running), so that a run killed outright leaves a trace for
     * {@code lstudio cleanup}; if that record cannot be written, this throws and nothing starts.
     */
    synchronized Entry starting(Studio studio, String machine, Duration maxRuntime, Object block) {
        if (context.teardown().begun()) {
            // A start let through now could be recorded after the guards ran: a studio no one stops.
            throw new DslException("studio '" + studio.name() + "' was not started on " + machine
                    + ": this run is ending (its teardown has begun)");
        }
        Entry entry = recorded(studio, machine, block);
        entry.foundOn = null;
        if (entry.guard == null || entry.guard.finished()) {
            // Uninterruptible: a second signal, or parallel cancelling its items twice, must not break the stop itself.
            entry.guard = context.teardown().guard("stop studio '" + studio.name() + "' (started on " + machine + ")",
                    () -> ClientCalls.uninterruptibly(() -> stopForTeardown(entry)));
            if (entry.kept) {
                entry.guard.keep();
            }
        }
        watchdog.armed(entry, maxRuntime);
        return entry;
    }

    /**
     * Called just before this run moves {@code studio}, found running on {@code foundOn} and not
     * started by this run, to another machine: a change is ownership. From here on teardown puts
     * it back on {@code foundOn} (or, if that fails, stops it and says so), and the summary lists
     * it; on disk it is recorded like a start, so that a run killed outright leaves it to
     * {@code lstudio cleanup} to stop rather than running on the dearer machine. A studio this
     * run started already keeps its stop guard ({@link #switched} records the move).
     */
    synchronized void switching(Studio studio, String foundOn, Object block) {
        Entry known = entries.get(studio.id());
        if (known != null && known.runningSince >= 0) {
            return;
        }
        if (context.teardown().begun()) {
            throw new DslException("studio '" + studio.name() + "' was not switched: this run is ending (its teardown has begun)");
        }
        Entry entry = recorded(studio, foundOn, block);
        entry.foundOn = foundOn;
        entry.guard = context.teardown().guard("put studio '" + studio.name() + "' back on " + foundOn
                        + " (found running there)", () -> ClientCalls.uninterruptibly(() -> putBackForTeardown(entry)));
        if (entry.kept) {
            entry.guard.keep();
        }
    }

    /** The ownership record (on disk unless kept running) and this run's entry for a studio it now answers for on {@code machine}. */
    private Entry recorded(Studio studio, String machine, Object block) {
        Entry known = entries.get(studio.id());
        OwnedStudio before = context.ownership().recordOf(studio.id());
        context.ownership().started(studio, machine,
                !context.teardown().keepingRunning() && (known == null || !known.kept));
        if (!summaryRegistered) {
            summaryRegistered = true;
            context.teardown().last("summary of the studios this run started", this::report);
        }
        Entry entry = entries.computeIfAbsent(studio.id(), id -> new Entry(studio));
        if (entry.runningSince < 0) {
            entry.runningSince = nanos.getAsLong();
        }
        if (entry.beat == null && !context.interactive()) {
            entry.beat = context.keepAlive().hold(studio);
        }
        entry.owner = Thread.currentThread();
        entry.block = block;
        entry.beforeStart = before;
        return entry;
    }

    /** The studio stopped cleanly (or was found stopped): nothing left to guard. */
    synchronized void stopped(Studio studio) {
        context.ownership().release(studio.id());
        Entry entry = entries.get(studio.id());
        if (entry != null) {
            entry.foundOn = null;
            settle(entry);
            if (entry.guard != null) {
                entry.guard.cancel();
            }
        }
    }

    /** The server refused the start request: nothing runs, and a studio that never ran here leaves the summary. */
    synchronized void refused(Studio studio) {
        Entry entry = entries.get(studio.id());
        if (entry == null) {
            return;
        }
        context.ownership().refused(studio.id(), entry.beforeStart);
        entry.runningSince = -1;
        endBeat(entry);
        if (entry.guard != null) {
            entry.guard.cancel();
        }
        if (entry.beforeStart == null) {
            entries.remove(studio.id());
        }
    }

    synchronized void switched(Studio studio, String machine) {
        Entry entry = entries.get(studio.id());
        if (entry != null && entry.runningSince >= 0) {
            context.ownership().switched(studio.id(), machine);
        }
    }

    /** A command failed on {@code studio}: the summary says so beside it (a studio this run did not start has no row). */
    synchronized void failed(Studio studio, ExecFailure failure) {
        Entry entry = entries.get(studio.id());
        if (entry != null) {
            entry.failed = failure;
        }
    }

    /** What {@code block} started, for its failure to stop. */
    synchronized List<Entry> startedIn(Object block) {
        List<Entry> out = new ArrayList<>();
        entries.values().forEach(e -> {
            if (e.block == block) {
                out.add(e);
            }
        });
        return out;
    }

    /**
     * The price an hour of the machine {@code studio} now runs on, from its status once started or
     * switched: the time before is charged at the price before, for the summary's estimate.
     */
    synchronized void priced(Studio studio, Double pricePerHour) {
        Entry entry = entries.get(studio.id());
        if (entry == null || entry.runningSince < 0) {
            return;
        }
        long now = nanos.getAsLong();
        accrue(entry, now);
        entry.pricePerHour = pricePerHour;
        entry.pricedSince = now;
        entry.priced |= pricePerHour != null;
    }

    private static void accrue(Entry entry, long now) {
        if (entry.pricePerHour != null && entry.pricedSince >= 0) {
            entry.cost += entry.pricePerHour * (now - entry.pricedSince) / 3.6e12;
        }
        entry.pricedSince = now;
    }

    /** The estimate so far: settled time at its prices, and the time since at the price now. */
    private static double costNow(Entry e, long now) {
        double open = e.pricePerHour != null && e.pricedSince >= 0 ? e.pricePerHour * (now - e.pricedSince) / 3.6e12 : 0;
        return e.cost + open;
    }

    /** {@code keepRunning()} on one studio: its guard is left undone at exit. */
    synchronized void keep(Studio studio) {
        Entry entry = entries.get(studio.id());
        if (entry != null) {
            context.ownership().release(studio.id());
            entry.kept = true;
            if (entry.guard != null) {
                entry.guard.keep();
            }
        }
    }

    /** Whether teardown will leave it running: {@code keepRunning()} for it or for the whole run. */
    synchronized boolean kept(Entry entry) {
        return entry.kept || (entry.guard != null && entry.guard.kept()) || context.teardown().keepingRunning();
    }

    synchronized Entry entry(Studio studio) {
        return entries.get(studio.id());
    }

    /** Studios of this run running now (by this ledger's account). */
    synchronized List<Entry> running() {
        List<Entry> out = new ArrayList<>();
        entries.values().forEach(e -> {
            if (e.runningSince >= 0) {
                out.add(e);
            }
        });
        return out;
    }

    /** Machine time of every studio this run started, until now. */
    synchronized Duration machineTime() {
        long now = nanos.getAsLong();
        long total = 0;
        for (Entry e : entries.values()) {
            total += ranNanos(e, now);
        }
        return Duration.ofNanos(total);
    }

    /**
     * Stops the studios of {@code toStop} now, those kept running too when {@code evenIfKept}
     * (a block that failed does not, the watchdog does).
     */
    void stopNow(List<Entry> toStop, boolean evenIfKept) {
        for (Entry entry : toStop) {
            Teardown.Action guard;
            synchronized (this) {
                guard = entry.guard;
            }
            if (guard == null || guard.finished()) {
                continue;
            }
            if (guard.kept() && !evenIfKept) {
                context.output().log("left running (keepRunning): studio '" + entry.name() + "'");
                continue;
            }
            guard.runNow();
        }
    }

    /**
     * Puts a studio this run found running back on the machine it was found on; stops it when
     * that fails, since nothing may be left on a dearer machine than it was found on. A studio
     * found stopped by now (someone stopped it) is left stopped.
     */
    private void putBackForTeardown(Entry entry) {
        String home = entry.foundOn;
        long generation = context.ownership().generation(entry.studio.id());
        try {
            MachinePlan plan = entry.studio.planSwitch(home);
            if (plan.startsMachine()) {
                context.output().log("studio '" + entry.name() + "' is " + plan.now().describe()
                        + " now; not started again on " + home);
            } else if (plan.step() != MachinePlan.Step.NOTHING) {
                context.output().log("putting studio '" + entry.name() + "' back on " + home + ", where this run found it running");
                entry.studio.switchMachine(plan, context.client().options().switchTimeout());
                context.ownership().switched(entry.studio.id(), home);
            }
        } catch (RuntimeException e) {
            if (Failure.GONE.is(e)) {
                context.output().log("studio '" + entry.name() + "' is gone already (deleted)");
            } else {
                context.output().log("could not put studio '" + entry.name() + "' back on " + home + " ("
                        + e.getMessage() + "): stopping it instead");
                stopForTeardown(entry);
                return;
            }
        }
        if (context.ownership().release(entry.studio.id(), generation)) {
            synchronized (this) {
                settle(entry);
            }
        }
    }

    /** A stop that fails leaves the studio's record on disk: the next cleanup (or run) tries again. */
    private void stopForTeardown(Entry entry) {
        long generation = context.ownership().generation(entry.studio.id());
        try {
            entry.studio.stop();
        } catch (RuntimeException e) {
            if (!Failure.GONE.is(e)) {
                if (context.ownership().persistent()) {
                    context.output().log("studio '" + entry.name() + "' stays in the ledger of owned studios: "
                            + "'lstudio cleanup' (or the next run) stops it once this run has ended");
                }
                throw e;
            }
            context.output().log("studio '" + entry.name() + "' is gone already (deleted)");
        }
        if (!context.ownership().release(entry.studio.id(), generation)) {
            context.output().log("studio '" + entry.name() + "' was started again while it was being stopped: it stays owned");
            return;
        }
        synchronized (this) {
            settle(entry);
        }
    }

    private void settle(Entry entry) {
        if (entry.runningSince >= 0) {
            long now = nanos.getAsLong();
            entry.ranNanos += now - entry.runningSince;
            entry.runningSince = -1;
            accrue(entry, now);
            entry.pricePerHour = null;
            entry.pricedSince = -1;
        }
        endBeat(entry);
    }

    /** A studio seen stopped needs no keep-alive; a kept one is beaten until this process ends. */
    private static void endBeat(Entry entry) {
        if (entry.beat != null) {
            entry.beat.close();
            entry.beat = null;
        }
    }

    /** How long it has run for this run so far: the REPL's quit question says it. */
    synchronized Duration ranFor(Entry e) {
        return Duration.ofNanos(ranNanos(e, nanos.getAsLong()));
    }

    private static long ranNanos(Entry e, long now) {
        return e.ranNanos + (e.runningSince >= 0 ? now - e.runningSince : 0);
    }

    /** The exit summary: runs last in teardown (after every guard), on stderr and, with --json, on stdout. */
    void report() {
        watchdog.close();
        context.keepAlive().close();
        List<RunSummary.Row> rows = new ArrayList<>();
        synchronized (this) {
            long now = nanos.getAsLong();
            for (Entry e : entries.values()) {
                if (kept(e)) {
                    // Kept running however it was asked for (keepRunning(), a guard's keep()): no longer this run's to stop.
                    context.ownership().release(e.studio.id());
                }
                rows.add(new RunSummary.Row(e.studio, context.ownership().recordOf(e.studio.id()),
                        Duration.ofNanos(ranNanos(e, now)), e.priced ? costNow(e, now) : null,
                        e.kept || context.teardown().keepingRunning(), e.foundOn, e.failed));
            }
        }
        RunSummary.print(rows, context);
    }
}
