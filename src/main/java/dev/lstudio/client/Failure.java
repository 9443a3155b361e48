package dev.lstudio.client;

import dev.lstudio.api.ApiException;
import dev.lstudio.api.ConfigException;
import dev.lstudio.api.FailedPreconditionException;
import dev.lstudio.api.InvalidArgumentException;
import dev.lstudio.api.LightningException;
import dev.lstudio.api.NotFoundException;
import dev.lstudio.api.PermissionDeniedException;
import dev.lstudio.api.SettingException;
import dev.lstudio.api.UnauthenticatedException;
import java.util.Optional;

/**
 * What went wrong, in the words the layers above the client use: the kind of a failure thrown by
 * the client (or by the API under it), so that the DSL, the REPL and the CLI decide on a kind and
 * never on an HTTP status or an exception type of {@code api}. The exceptions themselves are not
 * wrapped: their messages, written for a person, reach the user as they are.
 */
public enum Failure {
    /** Credentials missing or unusable, or refused by the server (401, 403). */
    CREDENTIALS,
    /** A setting other than the credentials (LIGHTNING_CLOUD_URL) cannot be used: found before any call. */
    SETTING,
    /**
     * The Studio's state does not allow the call (stopped, starting, switching): a precondition
     * the script can fix, e.g. by starting it first.
     */
    NOT_READY,
    /** The server refused a value the caller gave (a name, a machine): trying again will not help. */
    REFUSED_VALUE,
    /** The Studio (or other thing named) does not exist, or no longer does. */
    GONE,
    /** A wait or a command reached its deadline. */
    TIMEOUT,
    /** Any other call that failed after the retries allowed, network failures included. */
    SERVICE;

    /**
     * The kind of {@code failure} itself (not of its causes; callers that care walk the chain);
     * empty for an exception that is not one of the client's or the API's.
     */
    public static Optional<Failure> of(Throwable failure) {
        if (failure instanceof WaitTimeoutException || failure instanceof CommandTimeoutException) {
            return Optional.of(TIMEOUT);
        }
        if (failure instanceof FileTransferException files) {
            return Optional.of(files.kind());
        }
        if (failure instanceof SettingException) {
            return Optional.of(SETTING);
        }
        if (failure instanceof NotReadyException || failure instanceof FailedPreconditionException) {
            return Optional.of(NOT_READY);
        }
        if (failure instanceof ConfigException || failure instanceof UnauthenticatedException
                || failure instanceof PermissionDeniedException) {
            return Optional.of(CREDENTIALS);
        }
        if (failure instanceof InvalidArgumentException) {
            return Optional.of(REFUSED_VALUE);
        }
        if (failure instanceof NotFoundException) {
            return Optional.of(GONE);
        }
        if (failure instanceof ApiException) {
            return Optional.of(SERVICE);
        }
        return Optional.empty();
    }

    /**
     * The failed call as sent (method, path with its ids, HTTP status and gRPC code) behind
     * {@code failure}, for {@code --debug}: the message a person reads says what the call was for
     * in words instead. Empty when no API call failed.
     */
    public static Optional<String> technical(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return Optional.of(api.technical());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is of this kind. */
    public boolean is(Throwable failure) {
        return of(failure).orElse(null) == this;
    }

    /**
     * Whether the server answered the request and refused it (HTTP 4xx): the request, not the
     * service, was at fault, so whatever it was to start did not start.
     */
    public static boolean refusedByServer(Throwable failure) {
        // the cause too: the client tells a refused unknown machine in its own words, the refusal as its cause
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api.httpStatus() >= 400 && api.httpStatus() < 500;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is one of the client's or the API's, whose message is one line
     * written for a person (what went wrong and what to do), so no stack trace need be offered.
     */
    public static boolean explained(Throwable failure) {
        return failure instanceof LightningException;
    }

    /**
     * Names what the failed call was about ({@code studio 'x'}) in front of the message, when
     * {@code failure} is one of the client's or the API's (whose messages name ids); others are
     * returned as they are.
     */
    public static <T extends Throwable> T about(T failure, String subject) {
        if (failure instanceof LightningException ours) {
            ours.about(subject);
        }
        return failure;
    }
}
