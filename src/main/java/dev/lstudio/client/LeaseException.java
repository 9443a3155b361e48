package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/**
 * The lease (or the dead man's switch) could not be written on a Studio, so it was not started:
 * a Studio started without them could be left running with no host able to tell it was orphaned.
 */
public final class LeaseException extends LightningException {
    private static final long serialVersionUID = 1L;

    LeaseException(String studio, RuntimeException cause) {
        super("cannot write the lease on studio '" + studio + "' (" + cause.getMessage()
                + "); not starting it so it cannot be left running unseen", cause);
    }
}
