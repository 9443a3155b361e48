package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one ObjectMapper of the client side (the emulator has its own, so that a wire mistake
 * cannot hide behind a shared class): the wire, the ledger of owned Studios and, with the
 * Groovy additions of {@code dsl.JsonLines}, the JSON lines a run prints. Servers add fields
 * and enum values over time, so reading is lenient: unknown fields are ignored and unknown enum
 * values become the enum's {@code UNKNOWN} constant. Nulls are left out of request bodies;
 * java.time values are written in ISO-8601 ({@code "PT30M"}, {@code "2026-12-01T10:00:00Z"}).
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** Shared and configured once: callers that need more take a {@link ObjectMapper#copy()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
