package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's one ObjectMapper, and readers for request fields. The reference documents
 * snake_case request bodies while the live API also takes camelCase, so every reader is given
 * the snake_case name and looks for both spellings.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The field under its snake_case or camelCase name; null when absent or JSON null. */
    static JsonNode field(JsonNode body, String snake) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode v = body.get(snake);
        if (v == null || v.isNull()) {
            v = body.get(camel(snake));
        }
        return v == null || v.isNull() ? null : v;
    }

    static String text(JsonNode body, String snake) {
        JsonNode v = field(body, snake);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ApiError.invalid("field '" + snake + "' must be a string");
        }
        return v.asText();
    }

    static Boolean bool(JsonNode body, String snake) {
        JsonNode v = field(body, snake);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw ApiError.invalid("field '" + snake + "' must be true or false");
    }

    /** 64-bit integers travel as JSON strings; numbers are accepted too. */
    static Long integer(JsonNode body, String snake) {
        JsonNode v = field(body, snake);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ApiError.invalid("field '" + snake + "' must be a whole number (e.g. \"3600\"), not " + v);
    }

    static JsonNode objectField(JsonNode body, String snake) {
        JsonNode v = field(body, snake);
        if (v != null && !v.isObject()) {
            throw ApiError.invalid("field '" + snake + "' must be a JSON object");
        }
        return v;
    }

    static List<JsonNode> array(JsonNode body, String snake) {
        JsonNode v = field(body, snake);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiError.invalid("field '" + snake + "' must be a JSON array");
        }
        List<JsonNode> items = new ArrayList<>();
        v.forEach(items::add);
        return items;
    }
}
