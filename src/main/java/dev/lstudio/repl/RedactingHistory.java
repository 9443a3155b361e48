package dev.lstudio.repl;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's history, except that a line holding a credential is never added: not to memory, and so
 * never to the file either. Lines like that already in an old file are dropped when it is read.
 */
final class RedactingHistory extends DefaultHistory {

    private final Secrets secrets;

    RedactingHistory(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void add(Instant time, String line) {
        if (!secrets.sensitive(line)) {
            super.add(time, line);
        }
    }

    @Override
    protected void internalAdd(Instant time, String line, boolean checkDuplicates) {
        if (!secrets.sensitive(line)) {
            super.internalAdd(time, line, checkDuplicates);
        }
    }
}
