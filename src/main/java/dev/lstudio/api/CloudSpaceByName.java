package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of getbyname: the live service wraps the Studio ({@code {"cloudspace": {...},
 * "project": {...}}}); the reference answers the Studio itself. Both are read.
 */
record CloudSpaceByName(CloudSpace cloudspace) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CloudSpaceByName fromJson(JsonNode node) {
        JsonNode studio = node != null && node.hasNonNull("cloudspace") && node.get("cloudspace").isObject()
                ? node.get("cloudspace") : node;
        return new CloudSpaceByName(Json.mapper().convertValue(studio, CloudSpace.class));
    }
}
