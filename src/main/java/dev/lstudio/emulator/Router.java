package dev.lstudio.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps {@code METHOD /path/{param}} patterns to handlers. A last segment {@code {name...}} takes
 * the rest of the path, zero or more segments, each decoded and joined with '/': file paths.
 */
final class Router {
    interface Handler {
        Reply handle(Request request) throws Exception;
    }

    /** A matched route with its path parameters. */
    record Match(Handler handler, Map<String, String> params, String pattern) {
    }

    private record Route(String method, String pattern, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, split(pattern), handler));
        return this;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** The route for a request; 404 when no path matches, 405 naming the allowed methods otherwise. */
    Match match(String method, String rawPath) {
        String[] parts = split(rawPath);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments, parts);
            if (params == null) {
                continue;
            }
            if (r.method.equals(method)) {
                return new Match(r.handler, params, r.pattern);
            }
            allowed.add(r.method);
        }
        if (!allowed.isEmpty()) {
            throw ApiError.methodNotAllowed(method + " is not supported on " + rawPath + "; use " + String.join(" or ", allowed));
        }
        throw ApiError.notFound("no such endpoint: " + method + " " + rawPath + " (see studios-api.md for the paths)");
    }

    private static Map<String, String> bind(String[] pattern, String[] parts) {
        boolean tail = pattern.length > 0 && pattern[pattern.length - 1].endsWith("...}");
        int fixed = tail ? pattern.length - 1 : pattern.length;
        if (tail ? parts.length < fixed : pattern.length != parts.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        if (tail) {
            List<String> rest = new ArrayList<>();
            for (int i = fixed; i < parts.length; i++) {
                rest.add(Request.decode(parts[i]));
            }
            String seg = pattern[fixed];
            params.put(seg.substring(1, seg.length() - 4), String.join("/", rest));
        }
        for (int i = 0; i < fixed; i++) {
            String seg = pattern[i];
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(seg.substring(1, seg.length() - 1), Request.decode(parts[i]));
            } else if (!seg.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }
}
