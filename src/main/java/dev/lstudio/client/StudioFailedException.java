package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/** The Studio's instance went to FAILED while waiting for it. */
public final class StudioFailedException extends LightningException {
    StudioFailedException(String message) {
        super(message, null);
    }
}
