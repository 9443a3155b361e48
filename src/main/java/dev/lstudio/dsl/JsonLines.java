package dev.lstudio.dsl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.lstudio.client.JsonMapping;
import groovy.lang.GString;
import groovy.lang.GroovyObject;

/**
 * Renders script results as single-line JSON: maps, lists, Groovy objects (without their
 * {@code metaClass}), GStrings as strings, and java.time values in ISO-8601 form
 * ({@code 30.minutes} is {@code "PT30M"}): the client side's one mapper
 * ({@link dev.lstudio.client.JsonMapping}), with what Groovy values need and nulls kept.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = JsonMapping.copy()
            .registerModule(new SimpleModule("lstudio-groovy").addSerializer(GString.class, ToStringSerializer.instance))
            .addMixIn(GroovyObject.class, IgnoreMetaClass.class)
            // a result's nulls are part of it ({"exitCode": null}), unlike a request body's
            .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);

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
