package dev.lstudio.client;

import java.util.Objects;

/**
 * What a start or a switch of one Studio will do, decided by {@link Studio#planStart} or
 * {@link Studio#planSwitch} from one reading of its status, then carried out by
 * {@link Studio#start(MachinePlan, boolean, java.time.Duration, java.time.Duration)} or
 * {@link Studio#switchMachine(MachinePlan, java.time.Duration)}. Deciding first lets a caller
 * act between the two, as the DSL does: a Studio that the plan {@link #startsMachine starts} is
 * recorded as the run's own before the request goes out, and one that runs elsewhere is
 * reported in the caller's words.
 *
 * @param step    what happens
 * @param machine the machine asked for (a slug)
 * @param now     the status the decision was made from
 */
public record MachinePlan(Step step, String machine, StudioStatus now) {

    public enum Step {
        /** It runs, ready, on that machine (or on an instance type that cannot be compared with it): nothing to do. */
        NOTHING,
        /** It is coming up on that machine, started by someone else: waited for, not started. */
        WAIT,
        /** Stopped, stopping or FAILED: a start is sent (once a stop under way has ended). */
        START,
        /** A switch: it runs, or comes up, on another machine, and is moved to this one. */
        SWITCH,
        /** A start on a Studio that runs, or comes up, on another machine: refused, never a silent switch of a paid machine. */
        RUNNING_ELSEWHERE
    }

    public MachinePlan {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(now, "now");
    }

    /** Whether carrying it out starts a machine that was not running: the starter owns it from then on. */
    public boolean startsMachine() {
        return step == Step.START;
    }
}
