package dev.lstudio.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;

/**
 * The one place where failures become typed exceptions. gRPC codes in the body win over the
 * HTTP status, since the status is derived from them. Every message names the call, quotes
 * the server (redacted), and ends with what the user can do.
 */
final class Errors {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int SNIPPET = 160;

    private final Credentials credentials;

    Errors(Credentials credentials) {
        this.credentials = credentials;
    }

    /** A non-2xx answer. {@code body} may be JSON, HTML, text or empty. */
    ApiException fromStatus(Request request, int status, String body, Duration retryAfter) {
        ErrorBody error = parse(body);
        Integer grpc = error == null ? null : error.code();
        String server = credentials.redact(error != null && error.message() != null ? error.message() : describe(body));
        String codes = " failed (HTTP " + status + (grpc == null ? "" : ", gRPC " + grpc) + ")";
        String quoted = server == null || server.isBlank() ? "" : ": " + server;
        return build(words(request) + " failed (HTTP " + status + ")" + quoted, call(request) + codes + quoted,
                status, grpc, server, retryAfter);
    }

    /** An {@code {"error": {...}}} event inside a stream that itself answered 200. */
    ApiException fromStreamError(Request request, ErrorBody error) {
        String server = credentials.redact(error.message());
        String quoted = server == null ? "" : ": " + server;
        String head = call(request) + " reported an error" + (error.code() == null ? "" : " (gRPC " + error.code() + ")");
        return build(words(request) + " reported an error" + quoted, head + quoted, 200, error.code(), server, null);
    }

    NetworkException network(Request request, IOException e) {
        String host = request.url().host() + (request.url().port() > 0 ? ":" + request.url().port() : "");
        String reason;
        if (e instanceof UnknownHostException) {
            reason = "unknown host " + request.url().host();
        } else if (e instanceof ConnectException) {
            reason = "connection refused by " + host;
        } else if (e instanceof InterruptedIOException) {
            reason = "no answer from " + host + " in time";
        } else {
            reason = "connection to " + host + " failed (" + credentials.redact(String.valueOf(e.getMessage())) + ")";
        }
        String advice = "; check your network and " + ApiConfig.CLOUD_URL_VAR + ", then try again";
        return (NetworkException) new NetworkException(words(request) + ": " + reason + advice, e)
                .withTechnical(call(request) + ": " + reason + advice);
    }

    /** {@code what} may quote the answer, which may echo the credentials: it is redacted. */
    MalformedResponseException malformed(Request request, int status, String what, Throwable cause) {
        String rest = " answered " + credentials.redact(what) + " (HTTP " + status + ")"
                + " instead of the JSON expected; check that " + ApiConfig.CLOUD_URL_VAR
                + " points at the Lightning API (e.g. " + ApiConfig.DEFAULT_URL + ")";
        return (MalformedResponseException) new MalformedResponseException(words(request) + rest, status, cause)
                .withTechnical(call(request) + rest);
    }

    /** What a body that is not the expected JSON looks like, in a few words. */
    static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            Matcher title = TITLE.matcher(trimmed);
            String text = title.find() ? title.group(1) : trimmed.replaceAll("<[^>]*>", " ");
            return "an HTML page '" + shorten(text) + "'";
        }
        return "'" + shorten(trimmed) + "'";
    }

    static String describe(JsonProcessingException e) {
        return "JSON of another shape (" + e.getOriginalMessage() + ")";
    }

    private ApiException build(String head, String technicalHead, int status, Integer grpc, String server,
                               Duration retryAfter) {
        Kind kind = Kind.of(status, grpc);
        String hint = "; " + (kind == Kind.UNAUTHENTICATED ? refused() : kind.hint(retryAfter));
        return exception(kind, head + hint, status, grpc, server, retryAfter).withTechnical(technicalHead + hint);
    }

    private static ApiException exception(Kind kind, String message, int status, Integer grpc, String server,
                                          Duration retryAfter) {
        return switch (kind) {
            case NOT_FOUND -> new NotFoundException(message, status, grpc, server, null);
            case UNAUTHENTICATED -> new UnauthenticatedException(message, status, grpc, server, null);
            case PERMISSION_DENIED -> new PermissionDeniedException(message, status, grpc, server, null);
            case CONFLICT -> new ConflictException(message, status, grpc, server, null);
            case INVALID_ARGUMENT -> new InvalidArgumentException(message, status, grpc, server, null);
            case FAILED_PRECONDITION -> new FailedPreconditionException(message, status, grpc, server, null);
            case RATE_LIMITED -> new RateLimitedException(message, status, grpc, server, retryAfter);
            case SERVER_ERROR -> new ServerErrorException(message, status, grpc, server, null);
            case OTHER -> new ApiException(message, status, grpc, server, null);
        };
    }

    private static ErrorBody parse(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            ErrorBody error = Json.mapper().readValue(body, ErrorBody.class);
            return error.code() == null && error.message() == null ? null : error;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A 401 says which credentials were refused, so the user knows which of the places to fix. */
    private String refused() {
        String source = credentials.source();
        String from = switch (source) {
            case "environment" -> Credentials.USER_VAR + "/" + Credentials.KEY_VAR + " in the environment";
            case "arguments" -> "the arguments given";
            default -> source;
        };
        return "the credentials from " + from + " were refused; " + Kind.UNAUTHENTICATED.hint(null);
    }

    static String call(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    /** The call in words: what a person reads instead of the method and the path with its ids. */
    static String words(Request request) {
        return CallNames.of(request.method(), request.url().encodedPath());
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }

    private enum Kind {
        NOT_FOUND, UNAUTHENTICATED, PERMISSION_DENIED, CONFLICT, INVALID_ARGUMENT, FAILED_PRECONDITION,
        RATE_LIMITED, SERVER_ERROR, OTHER;

        static Kind of(int status, Integer grpc) {
            if (grpc != null) {
                switch (grpc) {
                    case 5: return NOT_FOUND;
                    case 16: return UNAUTHENTICATED;
                    case 7: return PERMISSION_DENIED;
                    case 6: case 10: return CONFLICT;
                    case 3: case 11: return INVALID_ARGUMENT;
                    case 9: return FAILED_PRECONDITION;
                    case 8: return RATE_LIMITED;
                    case 2: case 4: case 13: case 14: case 15: return SERVER_ERROR;
                    default: break; // 0, 1, 12 or a new code: let the status decide
                }
            }
            if (status >= 500) {
                return SERVER_ERROR;
            }
            switch (status) {
                case 400: return INVALID_ARGUMENT;
                case 401: return UNAUTHENTICATED;
                case 403: return PERMISSION_DENIED;
                case 404: return NOT_FOUND;
                case 409: return CONFLICT;
                case 412: return FAILED_PRECONDITION;
                case 429: return RATE_LIMITED;
                default: return OTHER;
            }
        }

        String hint(Duration retryAfter) {
            return switch (this) {
                case NOT_FOUND -> "check the name or id (it may have been deleted, or be in another teamspace)";
                case UNAUTHENTICATED -> "check " + Credentials.USER_VAR + " and " + Credentials.KEY_VAR
                        + " (or ~/.lightning/credentials.json); a new key can be made in your Lightning account settings";
                case PERMISSION_DENIED -> "your account may not do this here; ask the teamspace's owner for access";
                case CONFLICT -> "it already exists or changed meanwhile; choose another name or look at its current state";
                case INVALID_ARGUMENT -> "the server refused the values sent; check names, machine and options";
                case FAILED_PRECONDITION -> "the Studio is not in a state that allows this (is it running?); check its status";
                case RATE_LIMITED -> "too many requests; wait" + (retryAfter == null ? "" : " " + retryAfter.toSeconds() + " s")
                        + " and try again";
                case SERVER_ERROR -> "the server failed; try again in a minute";
                case OTHER -> "unexpected answer; try again, and report it if it persists";
            };
        }
    }
}
