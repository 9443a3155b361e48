package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of an exposed port: the live {@code ENDPOINT_*} types of an endpoint's cloudspace
 * target, and the reference's private/public types, which are still read.
 */
public enum EndpointType {
    @JsonProperty("ENDPOINT_UNSPECIFIED") UNSPECIFIED,
    @JsonProperty("ENDPOINT_PLUGIN_API") PLUGIN_API,
    @JsonProperty("ENDPOINT_PLUGIN_PORT") PLUGIN_PORT,
    @JsonProperty("V1_ENDPOINT_TYPE_PRIVATE") PRIVATE,
    @JsonProperty("V1_ENDPOINT_TYPE_PUBLIC") PUBLIC,
    @JsonEnumDefaultValue UNKNOWN
}
