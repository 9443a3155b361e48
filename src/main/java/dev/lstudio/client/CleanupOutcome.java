package dev.lstudio.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Cleanup} did (or, with a dry run, would do) about one studio in the ledger,
 * with the line a person reads.
 */
public record CleanupOutcome(Action action, OwnedStudio studio, Owner owner, String message, RuntimeException failure) {

    public enum Action {
        /** Its owner ended and it was running: stopped now; record dropped. */
        STOPPED("stopped", true),
        /** Dry run: it would be stopped. */
        WOULD_STOP("would-stop", false),
        /** Its owner ended and it was stopped already: record dropped. */
        WAS_STOPPED("dropped", true),
        /** Its owner ended and the studio is gone (404): record dropped. */
        DELETED("dropped", true),
        /** Its owner ended, and a run that runs now started it since: the old record dropped. */
        NOW_OWNED("dropped", true),
        /** Its owner runs now: left alone. */
        OWNER_RUNNING("left-alone", false),
        /** Its owner runs on another host, which this one cannot judge: left alone. */
        OTHER_HOST("left-alone", false),
        /** Started with other credentials (API or user) than those in use: left alone. */
        OTHER_ACCOUNT("left-alone", false),
        /** In another teamspace than {@code --teamspace}: left alone. */
        OTHER_TEAMSPACE("left-alone", false),
        /** Its owner ended and it could not be stopped: the record stays for the next cleanup. */
        FAILED("failed", false);

        private final String word;
        private final boolean dropsRecord;

        Action(String word, boolean dropsRecord) {
            this.word = word;
            this.dropsRecord = dropsRecord;
        }

        /** The word in JSON output: stopped, would-stop, dropped, left-alone, failed. */
        public String word() {
            return word;
        }

        /** Whether the record leaves the ledger (never in a dry run). */
        public boolean dropsRecord() {
            return dropsRecord;
        }
    }

    /** The outcome as one JSON object, for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("studio", studio.name());
        m.put("teamspace", studio.teamspace());
        m.put("studioId", studio.studioId());
        m.put("machine", studio.machine());
        m.put("action", action.word());
        m.put("reason", action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("pid", owner.pid());
        run.put("host", owner.host());
        run.put("machine", owner.machine());
        run.put("script", owner.script());
        run.put("started", owner.started() == null ? null : owner.started().toString());
        m.put("owner", run);
        m.put("message", message);
        return m;
    }

    @Override
    public String toString() {
        return message;
    }
}
