package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/** The server answered in a way the client cannot follow (e.g. execute with neither exit code nor session). */
public final class UnsupportedAnswerException extends LightningException {
    UnsupportedAnswerException(String message) {
        super(message, null);
    }
}
