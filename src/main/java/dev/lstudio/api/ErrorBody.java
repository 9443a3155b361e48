package dev.lstudio.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A gRPC status as error bodies carry it: {@code {"code": 5, "message": "...", "details": []}}. */
record ErrorBody(Integer code, String message, JsonNode details) {
}
