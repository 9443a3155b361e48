package dev.lstudio.client;

import dev.lstudio.api.CodeStatus;
import dev.lstudio.api.ComputeConfig;
import dev.lstudio.api.ConflictException;
import dev.lstudio.api.FailedPreconditionException;
import dev.lstudio.api.InstanceStatus;
import dev.lstudio.api.InvalidArgumentException;
import dev.lstudio.api.LightningApi;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Start, stop, restart and switch, each followed by a wait for the state the API facts define
 * as done. Unknown machine slugs are sent as given, with a warning and a suggestion.
 */
final class Lifecycle {
    private final Context context;
    private final String projectId;
    private final String studioId;
    private final String name;

    Lifecycle(Context context, String projectId, String studioId, String name) {
        this.context = context;
        this.projectId = projectId;
        this.studioId = studioId;
        this.name = name;
    }

    CodeStatus codeStatus() {
        return context.api().codeStatus(projectId, studioId);
    }

    /** Done when the instance in use is RUNNING and its files are restored (topUpRestoreFinished). */
    StudioStatus start(ComputeConfig machine, Duration timeout) {
        checkSlug(machine.name());
        StudioStatus now = StudioStatus.of(codeStatus());
        if (now.ready()) {
            if (now.machine() == null || now.machine().equals(machine.name())) {
                return now;
            }
            if (!Machines.comparable(now.machine())) {
                // The server named an instance type (e.g. p5.48xlarge), not a slug: it may well be the
                // machine asked for, and switching on a guess would restart a running Studio.
                context.warn().accept("studio '" + name + "' is running on '" + now.machine() + "', which is not a machine"
                        + " slug lstudio can compare with '" + machine.name() + "'; leaving it running as it is"
                        + " (switch explicitly if it is the wrong machine)");
                return now;
            }
            return switchTo(machine, timeout);
        }
        if (now.status() == Status.STOPPING) {
            stop(timeout);
        }
        if (now.status() != Status.RUNNING && now.status() != Status.PENDING) {
            send(machine, () -> api().start(projectId, studioId, machine));
        }
        return waitRunning("start", timeout, null);
    }

    /**
     * Asks for a start without waiting for it: nothing when it is already up or coming up, a
     * wait for a stop under way first (a start sent while stopping would be lost).
     */
    StudioStatus requestStart(ComputeConfig machine, Duration timeout) {
        checkSlug(machine.name());
        StudioStatus now = StudioStatus.of(codeStatus());
        if (now.status() == Status.STOPPING) {
            now = stop(timeout);
        }
        if (now.status() != Status.RUNNING && now.status() != Status.PENDING) {
            send(machine, () -> api().start(projectId, studioId, machine));
        }
        return now;
    }

    /** Asks for a stop without waiting for it; nothing when it is stopped or stopping already. */
    void requestStop() {
        StudioStatus now = StudioStatus.of(codeStatus());
        if (!now.stopped() && now.status() != Status.STOPPING) {
            api().stop(projectId, studioId);
        }
    }

    /** Done when there is no instance in use, or it is STOPPED. */
    StudioStatus stop(Duration timeout) {
        StudioStatus now = StudioStatus.of(codeStatus());
        if (now.stopped()) {
            return now;
        }
        if (now.status() != Status.STOPPING) {
            api().stop(projectId, studioId);
        }
        CodeStatus done = context.waiter().until(name, "stop", timeout, this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            return s.stopped() ? Waiter.Verdict.DONE : s.status() == Status.FAILED ? Waiter.Verdict.FAILED : Waiter.Verdict.WAIT;
        }, code -> StudioStatus.of(code).describe());
        return StudioStatus.of(done);
    }

    /**
     * Restarts in place. Right after the call the old instance may still look ready, so done
     * needs a new instance id or a not-ready state seen first.
     */
    StudioStatus restart(Duration timeout) {
        String before = instanceId(codeStatus());
        api().restart(projectId, studioId);
        return waitRunning("restart", timeout, before);
    }

    /**
     * Switches a running Studio: PUT codeconfig, wait for the requested instance's initial
     * restore, confirm, wait until the instance in use is the new one with its files restored.
     * A stopped (or stopping) Studio is simply started on the new machine; a starting one is
     * waited for first.
     */
    StudioStatus switchTo(ComputeConfig machine, Duration timeout) {
        checkSlug(machine.name());
        long start = context.options().sleeper().nanoTime();
        StudioStatus status = StudioStatus.of(codeStatus());
        if (status.status() == Status.STOPPING) {
            status = stop(timeout);
        }
        if (status.stopped()) {
            send(machine, () -> api().start(projectId, studioId, machine));
            return waitRunning("start", left(start, timeout), null);
        }
        if (status.status() == Status.PENDING || (status.running() && !status.ready())) {
            status = waitRunning("start", left(start, timeout), null);
        }
        if (status.status() == Status.FAILED) {
            throw new StudioFailedException("studio '" + name + "' is FAILED; stop it, then start it on " + machine.name());
        }
        if (machine.name().equals(status.machine()) && !status.switching()) {
            return status;
        }
        String before = instanceId(codeStatus());
        try {
            send(machine, () -> api().switchMachine(projectId, studioId, machine));
        } catch (ConflictException | FailedPreconditionException e) {
            // Resent after a lost answer, the request finds its own switch pending: go on with it.
            if (!pendingSwitchTo(machine.name())) {
                throw e;
            }
        }
        context.waiter().until(name, "switch (preparing " + machine.name() + ")", left(start, timeout), this::codeStatus, code -> {
            InstanceStatus requested = code.requested();
            if (requested != null && Status.of(requested.phase()) == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            return requested != null && requested.initialRestoreFinished() ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT;
        }, code -> code.requested() == null ? "waiting for the new machine" : StudioStatus.of(new CodeStatus(code.requested(), null)).describe());
        try {
            api().confirmSwitch(projectId, studioId);
        } catch (ConflictException | FailedPreconditionException e) {
            // Resent after a lost answer, the confirm finds nothing pending: the first one moved it.
            CodeStatus now = codeStatus();
            if (now.requested() != null || !machine.name().equals(StudioStatus.of(now).machine())) {
                throw e;
            }
        }
        CodeStatus done = context.waiter().until(name, "switch (moving to " + machine.name() + ")", left(start, timeout), this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            if (s.status() == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            boolean moved = machine.name().equals(s.machine()) || !Objects.equals(before, instanceId(code));
            return s.ready() && !s.switching() && moved ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT;
        }, code -> StudioStatus.of(code).describe());
        return StudioStatus.of(done);
    }

    private boolean pendingSwitchTo(String machine) {
        InstanceStatus requested = codeStatus().requested();
        return requested != null && requested.computeConfig() != null && machine.equals(requested.computeConfig().name());
    }

    private StudioStatus waitRunning(String operation, Duration timeout, String oldInstance) {
        boolean[] sawChange = {oldInstance == null};
        CodeStatus done = context.waiter().until(name, operation, timeout, this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            if (s.status() == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            sawChange[0] |= !s.ready() || !Objects.equals(oldInstance, instanceId(code));
            return s.ready() && sawChange[0] ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT;
        }, code -> StudioStatus.of(code).describe(), code -> eta(code.inUse()));
        return StudioStatus.of(done);
    }

    /** The server's estimate of the time until the instance is up, when it gives one. */
    private static Duration eta(InstanceStatus instance) {
        Long seconds = instance == null ? null : instance.startupEtaSeconds();
        return seconds == null || seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    private Duration left(long start, Duration timeout) {
        return timeout.minusNanos(context.options().sleeper().nanoTime() - start);
    }

    private void checkSlug(String slug) {
        Machines.warning(slug).ifPresent(context.warn());
    }

    /**
     * Sends a call that names a machine. When the server refuses an unknown slug without saying
     * which one was meant, the error says it, so that the last line of a cron log has the fix.
     */
    private void send(ComputeConfig machine, Runnable call) {
        try {
            call.run();
        } catch (InvalidArgumentException e) {
            String slug = machine.name();
            String nearest = Machines.nearest(slug);
            if (Machines.isKnown(slug) || String.valueOf(e.serverMessage()).contains(nearest)) {
                throw e;
            }
            throw new LookupException(e.getMessage() + "; did you mean '" + nearest + "'?", List.of(nearest));
        }
    }

    private LightningApi api() {
        return context.api();
    }

    private static String instanceId(CodeStatus code) {
        return code == null || code.inUse() == null ? null : code.inUse().cloudSpaceInstanceId();
    }
}
