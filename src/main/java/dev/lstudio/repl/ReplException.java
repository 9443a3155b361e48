package dev.lstudio.repl;

/** A mistake at the prompt whose message is written for the user: it prints as it is, without a type name. */
final class ReplException extends RuntimeException {
    ReplException(String message) {
        super(message);
    }
}
