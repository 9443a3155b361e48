package dev.lstudio.client;

import dev.lstudio.api.CodeStatus;
import dev.lstudio.api.ComputeConfig;
import dev.lstudio.api.ConflictException;
import dev.lstudio.api.FailedPreconditionException;
import dev.lstudio.api.InstanceStatus;
import dev.lstudio.api.InvalidArgumentException;
import dev.lstudio.api.LightningApi;
import dev.lstudio.api.NetworkException;
import dev.lstudio.api.RateLimitedException;
import dev.lstudio.api.ServerErrorException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Start, stop, restart and switch, each followed by a wait for the state the API facts define
 * as done. Unknown machine slugs are sent as given: refused, the error names the nearest known
 * slug; taken, a warning says lstudio does not know it.
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

    /**
     * The start's decision, from one reading of the status. Up (or coming up) on another machine
     * is {@link MachinePlan.Step#RUNNING_ELSEWHERE}: a start never switches a paid machine behind
     * the caller's back. A machine the server names by instance type (e.g. p5.48xlarge) cannot be
     * compared with a slug and may well be the one asked for: it is taken as that one, with a warning.
     */
    MachinePlan planStart(String machine) {
        StudioStatus now = StudioStatus.of(codeStatus());
        boolean up = now.status() == Status.RUNNING || now.status() == Status.PENDING;
        if (!up) {
            return new MachinePlan(MachinePlan.Step.START, machine, now);
        }
        if (now.machine() != null && !now.machine().equals(machine)) {
            if (Machines.comparable(now.machine())) {
                return new MachinePlan(MachinePlan.Step.RUNNING_ELSEWHERE, machine, now);
            }
            context.warn().accept("studio '" + name + "' is running on '" + now.machine() + "', which is not a machine"
                    + " slug lstudio can compare with '" + machine + "'; leaving it running as it is"
                    + " (switch explicitly if it is the wrong machine)");
        }
        return new MachinePlan(now.ready() ? MachinePlan.Step.NOTHING : MachinePlan.Step.WAIT, machine, now);
    }

    /**
     * The switch's decision, from one reading of the status: a Studio that is stopped, stopping or
     * FAILED is started on the new machine; one ready there already is left as it is.
     */
    MachinePlan planSwitch(String machine) {
        StudioStatus now = StudioStatus.of(codeStatus());
        if (now.stopped() || now.status() == Status.STOPPING || now.status() == Status.FAILED) {
            return new MachinePlan(MachinePlan.Step.START, machine, now);
        }
        boolean there = now.ready() && machine.equals(now.machine()) && !now.switching();
        return new MachinePlan(there ? MachinePlan.Step.NOTHING : MachinePlan.Step.SWITCH, machine, now);
    }

    /** Carries out a start's plan; done when the instance in use is RUNNING and its files are restored (topUpRestoreFinished). */
    StudioStatus start(MachinePlan plan, ComputeConfig machine, Duration timeout) {
        switch (plan.step()) {
            case NOTHING:
                return plan.now();
            case RUNNING_ELSEWHERE:
                throw new RunningElsewhereException(name, plan.now().machine(), plan.machine());
            case SWITCH:
                return switchTo(plan, machine, timeout);
            case START:
                StudioStatus up = sendStart(plan, machine, timeout);
                if (up != null && up.machine() != null && !up.machine().equals(plan.machine())
                        && Machines.comparable(up.machine())) {
                    throw new RunningElsewhereException(name, up.machine(), plan.machine());
                }
                return waitRunning("start", timeout, null);
            default:
                return waitRunning("start", timeout, null);
        }
    }

    /**
     * Carries out a start's plan without waiting for the machine: nothing when it is up or coming
     * up, a wait for a stop under way first (a start sent while stopping would be lost).
     */
    void requestStart(MachinePlan plan, ComputeConfig machine, Duration stopTimeout) {
        if (plan.step() == MachinePlan.Step.RUNNING_ELSEWHERE) {
            throw new RunningElsewhereException(name, plan.now().machine(), plan.machine());
        }
        if (plan.startsMachine()) {
            sendStart(plan, machine, stopTimeout);
        }
    }

    /**
     * Sends the start; returns null, or the status when the server answered that the Studio is up
     * or coming up already. That happens to a start resent after a lost answer (the first one went
     * through), and to a plan made from a status answer that said nothing ({@code {}} reads as
     * stopped): taken as a refusal, the run would drop its record and guard and leave the machine
     * running, so the caller goes on from what the Studio really is.
     */
    private StudioStatus sendStart(MachinePlan plan, ComputeConfig machine, Duration stopTimeout) {
        if (plan.now().status() == Status.STOPPING) {
            stop(stopTimeout);
        }
        try {
            send(machine, () -> api().start(projectId, studioId, machine));
            return null;
        } catch (ConflictException | FailedPreconditionException e) {
            StudioStatus now = StudioStatus.of(codeStatus());
            if (!(now.status() == Status.PENDING || now.running())) {
                throw e;
            }
            return now;
        }
    }

    /**
     * Asks for a stop without waiting for it. Sent whatever the status says: a stop is safe to
     * repeat, and a status answer without an instance in use (a glitch) reads like a stopped one.
     */
    void requestStop() {
        api().stop(projectId, studioId);
    }

    /**
     * Sends the stop first, then checks: done when two reads in a row find no instance in use, or
     * it STOPPED. Asking first would trust one answer, and one answer that says nothing ({@code {}})
     * would pass for stopped with the machine still running. The stop is sent again until
     * {@code timeout}: at once after a send that got no answer or was told to try later (a 429
     * storm, an answer lost on the way), and every {@link #RESEND_AFTER} while the reads do not
     * agree, so a budget longer than one call's deadline is spent on stops, not on one lost send.
     */
    StudioStatus stop(Duration timeout) {
        long start = context.options().sleeper().nanoTime();
        RuntimeException unanswered = null;
        while (true) {
            unanswered = sendStop();
            Duration left = left(start, timeout);
            Duration slice = unanswered == null ? RESEND_AFTER : context.options().pollMax().multipliedBy(2);
            try {
                return confirmStopped(slice.compareTo(left) < 0 ? slice : left);
            } catch (WaitTimeoutException e) {
                if (!left(start, timeout).isNegative() && !left(start, timeout).isZero()) {
                    continue;
                }
                if (unanswered != null) {
                    throw unanswered; // the stop itself failed to the end: that, not the wait, is the news
                }
                throw new WaitTimeoutException("stop of studio '" + name + "' was not confirmed within "
                        + Durations.format(timeout) + " (last seen: " + e.lastPhase() + ")"
                        + "; check it on lightning.ai, or run lstudio cleanup later", e.elapsed(), e.lastPhase());
            }
        }
    }

    /** How long reads that do not agree wait before the stop is sent again. */
    static final Duration RESEND_AFTER = Duration.ofSeconds(30);

    /** One stop request; a failure worth resending (no answer, 429, 5xx) is returned, not thrown. */
    private RuntimeException sendStop() {
        try {
            api().stop(projectId, studioId);
            return null;
        } catch (NetworkException | RateLimitedException | ServerErrorException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return e;
        }
    }

    private StudioStatus confirmStopped(Duration within) {
        int[] agreeing = {0};
        CodeStatus done = context.waiter().until(name, "stop", within, this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            agreeing[0] = s.stopped() ? agreeing[0] + 1 : 0;
            return agreeing[0] >= 2 ? Waiter.Verdict.DONE : s.status() == Status.FAILED ? Waiter.Verdict.FAILED : Waiter.Verdict.WAIT;
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
     * Carries out a switch's plan: PUT codeconfig, wait for the requested instance's initial
     * restore, confirm, wait until the instance in use is the new one with its files restored.
     * A Studio planned to {@link MachinePlan.Step#START start} is started on the new machine; a
     * starting one is waited for first.
     */
    StudioStatus switchTo(MachinePlan plan, ComputeConfig machine, Duration timeout) {
        long start = context.options().sleeper().nanoTime();
        if (plan.step() == MachinePlan.Step.NOTHING) {
            return plan.now();
        }
        if (plan.startsMachine()) {
            StudioStatus up = sendStart(plan, machine, timeout);
            if (up == null) {
                return waitRunning("start", left(start, timeout), null);
            }
            plan = new MachinePlan(MachinePlan.Step.SWITCH, plan.machine(), up); // it runs: switch it, once
        }
        StudioStatus status = plan.now();
        if (status.status() == Status.PENDING || (status.running() && !status.ready())) {
            status = waitRunning("start", left(start, timeout), null);
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
        boolean[] confirmedElsewhere = {false};
        int[] notPending = {0};
        context.waiter().until(name, "switch (preparing " + machine.name() + ")", left(start, timeout), this::codeStatus, code -> {
            InstanceStatus requested = code.requested();
            if (requested != null && Status.of(requested.phase()) == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            if (requested != null) {
                notPending[0] = 0;
                return requested.initialRestoreFinished() ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT;
            }
            // Nothing pending: someone else confirmed the switch (or cancelled it, or stopped the Studio).
            StudioStatus s = StudioStatus.of(code);
            if (machine.name().equals(s.machine()) && !s.stopped()) {
                confirmedElsewhere[0] = true;
                return Waiter.Verdict.DONE;
            }
            if (++notPending[0] >= 2) {
                throw changedDuring("the switch to " + machine.name(), s);
            }
            return Waiter.Verdict.WAIT;
        }, code -> code.requested() == null ? "waiting for the new machine" : StudioStatus.of(new CodeStatus(code.requested(), null)).describe());
        if (!confirmedElsewhere[0]) {
            confirm(machine);
        }
        int[] stoppedReads = {0};
        CodeStatus done = context.waiter().until(name, "switch (moving to " + machine.name() + ")", left(start, timeout), this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            if (s.status() == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            stoppedReads[0] = s.stopped() ? stoppedReads[0] + 1 : 0;
            if (stoppedReads[0] >= 2 || (s.ready() && !s.switching() && movedElsewhere(s, machine.name()))) {
                throw changedDuring("the switch to " + machine.name(), s);
            }
            boolean moved = machine.name().equals(s.machine()) || !Objects.equals(before, instanceId(code));
            return s.ready() && !s.switching() && moved ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT;
        }, code -> StudioStatus.of(code).describe());
        return StudioStatus.of(done);
    }

    private void confirm(ComputeConfig machine) {
        try {
            api().confirmSwitch(projectId, studioId);
        } catch (ConflictException | FailedPreconditionException e) {
            // Resent after a lost answer, or beaten by someone else's confirm: nothing pending, and it moved.
            CodeStatus now = codeStatus();
            if (now.requested() != null || !machine.name().equals(StudioStatus.of(now).machine())) {
                throw e;
            }
        }
    }

    /** Up and settled on a machine that is neither the one asked for nor one lstudio cannot compare. */
    private static boolean movedElsewhere(StudioStatus s, String asked) {
        return s.machine() != null && !asked.equals(s.machine()) && Machines.comparable(s.machine())
                && Machines.isKnown(s.machine());
    }

    /** The wait for {@code what} is over: the Studio is now {@code now}, by someone else's doing. */
    private StudioChangedException changedDuring(String what, StudioStatus now) {
        String state = now.stopped() ? "it is stopped now" : "it is " + now.describe() + " now";
        return new StudioChangedException("studio '" + name + "' was changed by someone else during " + what + ": "
                + state + "; nothing more to wait for (look at it with status, or on lightning.ai)");
    }

    private boolean pendingSwitchTo(String machine) {
        InstanceStatus requested = codeStatus().requested();
        return requested != null && requested.computeConfig() != null && machine.equals(requested.computeConfig().name());
    }

    private StudioStatus waitRunning(String operation, Duration timeout, String oldInstance) {
        boolean[] sawChange = {oldInstance == null};
        boolean[] sawUp = {false};
        int[] stoppedReads = {0};
        CodeStatus done = context.waiter().until(name, operation, timeout, this::codeStatus, code -> {
            StudioStatus s = StudioStatus.of(code);
            if (s.status() == Status.FAILED) {
                return Waiter.Verdict.FAILED;
            }
            sawChange[0] |= !s.ready() || !Objects.equals(oldInstance, instanceId(code));
            sawUp[0] |= s.status() == Status.PENDING || s.running();
            stoppedReads[0] = s.stopped() || s.status() == Status.STOPPING ? stoppedReads[0] + 1 : 0;
            if (oldInstance == null && sawUp[0] && stoppedReads[0] >= 2) {
                // A start was coming up, then two reads say stopping or stopped: someone else stopped it
                // (a restart passes through stopped on its own).
                throw changedDuring("the " + operation, s);
            }
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

    /**
     * Sends a call that names a machine. An unknown slug the server refuses is one line with the
     * nearest known slug, whatever the server suggests (one suggestion, not two; the server's
     * answer stays the cause, for --debug); one it takes is new to lstudio, and a warning says so.
     */
    private void send(ComputeConfig machine, Runnable call) {
        String slug = machine.name();
        try {
            call.run();
        } catch (InvalidArgumentException e) {
            if (Machines.isKnown(slug)) {
                throw e;
            }
            throw new LookupException(Machines.refused(slug), List.of(Machines.nearest(slug)), e);
        }
        Machines.warning(slug).ifPresent(context.warn());
    }

    private LightningApi api() {
        return context.api();
    }

    private static String instanceId(CodeStatus code) {
        return code == null || code.inUse() == null ? null : code.inUse().cloudSpaceInstanceId();
    }
}
