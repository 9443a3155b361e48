package dev.lstudio.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lstudio.api.Json;

/**
 * The client side's one ObjectMapper, for the layers above client (which do not reach
 * {@code api}): the DSL's JSON lines take a copy of it and add what only Groovy values need.
 */
public final class JsonMapping {
    private JsonMapping() {
    }

    /** A copy of the one mapper, to configure further without changing the shared one. */
    public static ObjectMapper copy() {
        return Json.mapper().copy();
    }
}
