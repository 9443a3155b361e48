package dev.lstudio.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code lstudio cleanup --shared}: what any host with credentials for a teamspace can do about
 * Studios whose run is gone with its host (an evicted pod, a thrown-away CI runner), from what the
 * Studios themselves carry: their {@link Lease}. It lists the running Studios of the teamspace
 * (those the credentials' user lists) and stops each whose lstudio lease expired more than
 * {@code grace} ago, then takes the lease off and puts back the auto-sleep the run's dead man's
 * switch replaced. The lease is read again just before each stop, so a run that renewed it in
 * the meantime keeps its Studio. Studios without an lstudio lease, or with a live one, are left
 * alone; so is every other teamspace. A dry run changes nothing.
 */
public final class SharedCleanup {
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

    private Duration grace = DEFAULT_GRACE;
    private boolean dryRun;
    private Duration stopTimeout;
    private Consumer<String> warnings = w -> { };
    private Consumer<Outcome> each = o -> { };

    /** What was done (or, in a dry run, would be) about one running Studio, with the line a person reads. */
    public record Outcome(Verdict verdict, String studio, String teamspace, Lease lease, String message,
                          RuntimeException failure) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("studio", studio);
            m.put("teamspace", teamspace);
            m.put("action", verdict.word);
            m.put("reason", verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (lease != null) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("run", lease.run());
                l.put("host", lease.host());
                l.put("pid", lease.pid());
                l.put("script", lease.script());
                l.put("expires", lease.expires().toString());
                m.put("lease", l);
            }
            return m;
        }
    }

    public enum Verdict {
        /** Its lease expired longer than the grace ago: stopped, lease off, auto-sleep back. */
        STOPPED("stopped"),
        /** Dry run: it would be stopped. */
        WOULD_STOP("would-stop"),
        /** Its lease is live (or within the grace): its run may still be alive. */
        LIVE_LEASE("left-alone"),
        /** Renewed between the first read and the one just before the stop: its run lives. */
        RENEWED("left-alone"),
        /** No lstudio lease: not lstudio's to stop. */
        NO_LEASE("left-alone"),
        /** Its lease expired, but the stop failed. */
        FAILED("failed");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public SharedCleanup grace(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("--grace must not be negative: " + Durations.format(grace));
        }
        this.grace = grace;
        return this;
    }

    public SharedCleanup dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** How long each stop may take; null: the client's stop timeout. */
    public SharedCleanup stopTimeout(Duration timeoutOrNull) {
        this.stopTimeout = timeoutOrNull;
        return this;
    }

    public SharedCleanup warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    /** Called with each outcome as it is known. */
    public SharedCleanup each(Consumer<Outcome> each) {
        this.each = Objects.requireNonNull(each, "each");
        return this;
    }

    /** One pass over the running Studios of {@code teamspace}. */
    public List<Outcome> run(LightningClient client, Teamspace teamspace) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Studio studio : client.studios(teamspace, StudioFilter.all().onlyRunning())) {
            Outcome outcome = judge(studio);
            each.accept(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome judge(Studio studio) {
        String of = "studio '" + studio.name() + "' in teamspace " + studio.teamspace().label();
        try {
            Lease lease = Lease.in(studio.userMetadata());
            if (lease == null) {
                return outcome(Verdict.NO_LEASE, studio, null, of + " has no lstudio lease: left alone");
            }
            if (!lease.expiredLongerThan(grace, Instant.now())) {
                return outcome(Verdict.LIVE_LEASE, studio, lease, of + " is held by " + lease.describe()
                        + " until " + lease.expires() + " (grace " + Durations.format(grace) + "): left alone");
            }
            String orphan = " (lease of " + lease.describe() + " expired " + lease.expires() + ")";
            if (dryRun) {
                return outcome(Verdict.WOULD_STOP, studio, lease, "would stop " + of + orphan);
            }
            Lease again = Lease.in(studio.userMetadata()); // a renewal since the first read wins
            if (again == null || !again.expiredLongerThan(grace, Instant.now())) {
                return outcome(Verdict.RENEWED, studio, again, of + (again == null ? " lost its lease" : " was renewed by "
                        + again.describe()) + " just now: left alone");
            }
            if (stopTimeout != null) {
                studio.stop(stopTimeout);
            } else {
                studio.stop();
            }
            Leases.undo(studio, again.run(), again.sleepBefore(), warnings);
            return outcome(Verdict.STOPPED, studio, again, "stopped " + of + orphan
                    + (again.sleepBefore() == null ? "" : "; " + again.sleepBefore().describe() + " again"));
        } catch (RuntimeException e) {
            if (Failure.GONE.is(e)) {
                return outcome(Verdict.NO_LEASE, studio, null, of + " was deleted meanwhile");
            }
            return new Outcome(Verdict.FAILED, studio.name(), studio.teamspace().label(), null,
                    "could not clean up " + of + ": " + e.getMessage(), e);
        }
    }

    private static Outcome outcome(Verdict verdict, Studio studio, Lease lease, String message) {
        return new Outcome(verdict, studio.name(), studio.teamspace().label(), lease, message, null);
    }
}
