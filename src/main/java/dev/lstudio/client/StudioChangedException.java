package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/**
 * Someone else changed the Studio while lstudio waited for it (stopped it, moved it to another
 * machine, cancelled a switch): the wait ends at once with what the Studio is now, instead of
 * waiting out its timeout for a state that will not come.
 */
public final class StudioChangedException extends LightningException {
    StudioChangedException(String message) {
        super(message, null);
    }
}
