package dev.lstudio.client;

import dev.lstudio.api.LightningException;
import java.util.List;

/** A teamspace or Studio name that matches nothing, or more than one thing; lists what exists. */
public final class LookupException extends LightningException {
    private final List<String> candidates;

    LookupException(String message, List<String> candidates) {
        this(message, candidates, null);
    }

    LookupException(String message, List<String> candidates, Throwable cause) {
        super(message, cause);
        this.candidates = List.copyOf(candidates);
    }

    /** The names that do exist (or that matched, when ambiguous). */
    public List<String> candidates() {
        return candidates;
    }
}
