package dev.lstudio.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The per-studio state machine. Start: UNSPECIFIED, PENDING, RUNNING, with the startup flags
 * flipping on the way; stop: STOPPING then STOPPED; restart; machine switch through
 * {@code requested}. Delayed steps carry the studio's generation and do nothing once overtaken.
 * A ticker enforces the requested run duration and auto-sleep. Callers hold the store lock.
 */
final class PhaseMachine {
    private final Store store;
    private final ShellSessions commands;
    private final Settings settings;
    private final ScheduledExecutorService timer;

    PhaseMachine(Store store, ShellSessions commands, Settings settings, ScheduledExecutorService timer) {
        this.store = store;
        this.commands = commands;
        this.settings = settings;
        this.timer = timer;
        long tick = settings.tick().toMillis();
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String newInstanceId() {
        return "inst-" + UUID.randomUUID().toString().substring(0, 18);
    }

    void start(StudioRecord s, String machine, boolean spot, Long runDurationSeconds) {
        MachineCatalog.require(machine);
        if (!StudioRecord.READY.equals(s.state)) {
            throw ApiError.failedPrecondition("studio " + s.name + " is still being prepared (state " + s.state
                    + "); wait for CLOUD_SPACE_STATE_READY, then start it");
        }
        if (runDurationSeconds != null && runDurationSeconds <= 0) {
            throw ApiError.invalid("compute_config.requested_run_duration_seconds must be a positive number of seconds");
        }
        if (s.isActive()) {
            if (StudioRecord.STOPPING.equals(s.phase())) {
                throw ApiError.failedPrecondition("studio " + s.name + " is stopping; wait until its phase is "
                        + StudioRecord.STOPPED + ", then start it");
            }
            if (machine.equals(s.inUse.machine)) {
                return; // already up or coming up on that machine: starting again changes nothing
            }
            throw ApiError.failedPrecondition("studio " + s.name + " is already running on " + s.inUse.machine
                    + "; stop it first, or switch machines with PUT .../cloudspaces/" + s.id + "/codeconfig");
        }
        long now = System.nanoTime();
        s.generation++;
        s.machine = machine;
        s.spot = spot;
        s.inUse = new StudioRecord.Instance(StudioRecord.UNSPECIFIED, newInstanceId(), machine, spot, runDurationSeconds, now());
        s.requested = null;
        s.runningSinceNanos = now;
        s.deadlineNanos = runDurationSeconds == null ? -1 : now + (long) (runDurationSeconds * 1e9 / settings.timeScale());
        s.lastActivityNanos = now;
        s.lastStopReason = null;
        bringUp(s, settings.startDelay());
    }

    private void bringUp(StudioRecord s, Duration delay) {
        StudioRecord.Instance inst = s.inUse;
        if (delay.isZero()) {
            inst.phase = StudioRecord.RUNNING;
            inst.initialRestoreFinished = true;
            inst.topUpRestoreFinished = true;
            return;
        }
        long d = delay.toNanos();
        inst.startNanos = System.nanoTime();
        inst.readyAtNanos = inst.startNanos + d;
        later(s, d / 5, () -> inst.phase = StudioRecord.PENDING);
        later(s, d * 3 / 5, () -> inst.initialRestoreFinished = true);
        later(s, d * 4 / 5, () -> inst.phase = StudioRecord.RUNNING);
        later(s, d, () -> {
            inst.topUpRestoreFinished = true;
            s.lastActivityNanos = System.nanoTime();
        });
    }

    void stop(StudioRecord s, String reason) {
        if (!s.isActive() || StudioRecord.STOPPING.equals(s.phase())) {
            return; // stopping a stopped studio is a no-op, so a retried stop is safe
        }
        s.generation++;
        commands.killStudio(s.id);
        s.requested = null;
        s.deadlineNanos = -1;
        s.inUse.phase = StudioRecord.STOPPING;
        s.inUse.initialRestoreFinished = false;
        s.inUse.topUpRestoreFinished = false;
        s.lastStopReason = reason;
        if (settings.stopDelay().isZero()) {
            stopped(s);
        } else {
            later(s, settings.stopDelay().toNanos(), () -> stopped(s));
        }
    }

    private static void stopped(StudioRecord s) {
        s.inUse.phase = StudioRecord.STOPPED;
        settle(s);
    }

    /** Adds the time since the studio started to the machine time it has used. */
    static void settle(StudioRecord s) {
        if (s.runningSinceNanos >= 0) {
            s.machineMillis += (System.nanoTime() - s.runningSinceNanos) / 1_000_000;
            s.runningSinceNanos = -1;
        }
    }

    static double machineSeconds(StudioRecord s) {
        long ms = s.machineMillis;
        if (s.runningSinceNanos >= 0) {
            ms += (System.nanoTime() - s.runningSinceNanos) / 1_000_000;
        }
        return ms / 1000.0;
    }

    void restart(StudioRecord s) {
        if (!s.isRunning()) {
            throw ApiError.failedPrecondition("studio " + s.name + " is not running (phase " + s.phase()
                    + "); start it instead of restarting it");
        }
        s.generation++;
        commands.killStudio(s.id);
        s.requested = null;
        StudioRecord.Instance old = s.inUse;
        s.inUse = new StudioRecord.Instance(StudioRecord.PENDING, newInstanceId(), old.machine, old.spot, old.runDurationSeconds,
                now());
        bringUp(s, settings.startDelay());
    }

    void switchMachine(StudioRecord s, String machine, boolean spot) {
        MachineCatalog.require(machine);
        if (!s.isRunning()) {
            throw ApiError.failedPrecondition("studio " + s.name + " is not running (phase " + s.phase()
                    + "); machines are switched on a running studio; start it on " + machine + " instead");
        }
        if (s.requested != null) {
            throw ApiError.failedPrecondition("a switch to " + s.requested.machine + " is already pending;"
                    + " confirm it (POST .../switch-confirm) or cancel it (POST .../switch-cancel) first");
        }
        if (machine.equals(s.inUse.machine)) {
            throw ApiError.invalid("studio " + s.name + " already runs on " + machine);
        }
        StudioRecord.Instance req = new StudioRecord.Instance(StudioRecord.PENDING, newInstanceId(), machine, spot,
                s.inUse.runDurationSeconds, now());
        s.requested = req;
        long d = settings.switchDelay().toNanos();
        if (d == 0) {
            req.phase = StudioRecord.RUNNING;
            req.initialRestoreFinished = true;
            return;
        }
        later(s, d / 2, () -> {
            if (s.requested == req) {
                req.phase = StudioRecord.RUNNING;
            }
        });
        later(s, d, () -> {
            if (s.requested == req) {
                req.phase = StudioRecord.RUNNING;
                req.initialRestoreFinished = true;
            }
        });
    }

    void confirmSwitch(StudioRecord s) {
        StudioRecord.Instance req = s.requested;
        if (req == null) {
            throw ApiError.failedPrecondition("no machine switch is pending for studio " + s.name
                    + "; start one with PUT .../cloudspaces/" + s.id + "/codeconfig");
        }
        if (!req.initialRestoreFinished) {
            throw ApiError.failedPrecondition("the new machine " + req.machine + " is not ready yet;"
                    + " wait for requested.startupStatus.initialRestoreFinished, then confirm");
        }
        s.generation++;
        commands.killStudio(s.id);
        req.phase = StudioRecord.RUNNING;
        s.inUse = req;
        s.requested = null;
        s.machine = req.machine;
        s.spot = req.spot;
        s.lastActivityNanos = System.nanoTime();
        long d = settings.switchDelay().toNanos() / 4;
        if (d == 0) {
            req.topUpRestoreFinished = true;
        } else {
            later(s, d, () -> req.topUpRestoreFinished = true);
        }
    }

    void cancelSwitch(StudioRecord s) {
        if (s.requested == null) {
            throw ApiError.failedPrecondition("no machine switch is pending for studio " + s.name + "; nothing to cancel");
        }
        s.requested = null;
    }

    void keepAlive(StudioRecord s) {
        if (s.isActive()) {
            s.lastActivityNanos = System.nanoTime();
        }
    }

    /** Ends a studio for good (delete): its commands, pending steps and machine time; returns the time used. */
    double discard(StudioRecord s) {
        s.generation++;
        commands.forget(s.id);
        settle(s);
        return s.machineMillis / 1000.0;
    }

    /** Runs a step later under the store lock, unless the studio changed or went away meanwhile. */
    void after(StudioRecord s, Duration delay, Runnable step) {
        if (delay.isZero()) {
            step.run();
        } else {
            later(s, delay.toNanos(), step);
        }
    }

    private void later(StudioRecord s, long delayNanos, Runnable step) {
        long generation = s.generation;
        timer.schedule(() -> store.update(() -> {
            if (store.byId(s.id) == s && s.generation == generation) {
                step.run();
            }
        }), delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops studios past their requested run duration, and idle ones whose auto-sleep is on. */
    private void tick() {
        try {
            boolean changed = store.read(() -> {
                boolean any = false;
                long now = System.nanoTime();
                for (StudioRecord s : store.studios()) {
                    if (!s.isRunning()) {
                        continue;
                    }
                    if (s.deadlineNanos > 0 && now >= s.deadlineNanos) {
                        stop(s, "requested run duration of " + s.inUse.runDurationSeconds + "s reached");
                        any = true;
                    } else if (idle(s, now)) {
                        stop(s, "idle for " + s.idleShutdownSeconds + "s (auto-sleep)");
                        any = true;
                    }
                }
                return any;
            });
            if (changed) {
                store.save();
            }
        } catch (RuntimeException e) {
            // keep ticking: one failed save must not end auto-sleep for good
        }
    }

    private boolean idle(StudioRecord s, long now) {
        if (s.disableAutoShutdown || s.idleShutdownSeconds <= 0 || commands.busy(s.id)) {
            return false;
        }
        long last = Math.max(s.lastActivityNanos, commands.lastFinishedNanos(s.id));
        return (now - last) * settings.timeScale() >= s.idleShutdownSeconds * 1e9;
    }
}
