package dev.lstudio.client;

import dev.lstudio.api.LightningException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A studio could not be recorded in the ledger of owned studios, so it was not started: a
 * studio started without a record could be left running with nobody knowing (disk full, a
 * state folder that is not writable).
 */
public final class LedgerWriteException extends LightningException {
    private static final long serialVersionUID = 1L;

    LedgerWriteException(String studio, Path file, IOException cause) {
        super("cannot record studio '" + studio + "' in the ledger at " + file + ": " + OwnershipFiles.reason(cause)
                + "; not starting it so it cannot be left running unseen", cause);
    }
}
