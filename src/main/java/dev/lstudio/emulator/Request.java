package dev.lstudio.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** One HTTP request as handlers see it: method, path parameters, query, headers and JSON body. */
final class Request {
    final String method;
    final String path;
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final Headers headers;
    private final byte[] body;
    private JsonNode json;

    Request(String method, String path, Map<String, String> params, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    String param(String name) {
        return params.get(name);
    }

    /** A query parameter under its camelCase or snake_case name. */
    String query(String camelName) {
        String v = query.get(camelName);
        if (v == null) {
            v = query.get(camelName.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
        }
        return v;
    }

    boolean flag(String camelName) {
        String v = query(camelName);
        if (v == null || v.isEmpty() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiError.invalid("query parameter " + camelName + " must be true or false, not '" + v + "'");
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The body as a JSON object; an empty body reads as {}. */
    JsonNode body() {
        if (json == null) {
            String text = new String(body, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                json = Json.object();
            } else {
                try {
                    json = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw ApiError.invalid("request body is not valid JSON: " + e.getOriginalMessage());
                }
                if (json == null || json.isNull()) {
                    json = Json.object();
                } else if (!json.isObject()) {
                    throw ApiError.invalid("request body must be a JSON object");
                }
            }
        }
        return json;
    }
}
