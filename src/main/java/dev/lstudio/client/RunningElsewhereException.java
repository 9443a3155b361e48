package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/** A start asked for one machine while the Studio runs (or comes up) on another: switching is the caller's choice to make. */
public final class RunningElsewhereException extends LightningException {
    private final String running;
    private final String asked;

    RunningElsewhereException(String studio, String running, String asked) {
        super("studio '" + studio + "' is running on " + running + ", not " + asked
                + "; stop it first, or switch it to " + asked, null);
        this.running = running;
        this.asked = asked;
    }

    /** The machine it runs on. */
    public String running() {
        return running;
    }

    /** The machine the start asked for. */
    public String asked() {
        return asked;
    }
}
