package dev.lstudio.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import groovy.lang.GString;
import groovy.lang.GroovyObject;

/**
 * Renders script results as single-line JSON: maps, lists, Groovy objects (without their
 * {@code metaClass}), GStrings as strings, and java.time values in ISO-8601 form
 * ({@code 30.minutes} is {@code "PT30M"}). This mapper writes results for people and pipes;
 * the wire mapper of the API layer is a different concern and lives there.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("lstudio-groovy").addSerializer(GString.class, ToStringSerializer.instance))
            .addMixIn(GroovyObject.class, IgnoreMetaClass.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private JsonLines() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DslException("json: cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @JsonIgnoreProperties({"metaClass"})
    private abstract static class IgnoreMetaClass {
    }
}
