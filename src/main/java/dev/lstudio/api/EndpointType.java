package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Who can reach an exposed port. */
public enum EndpointType {
    @JsonProperty("V1_ENDPOINT_TYPE_PRIVATE") PRIVATE,
    @JsonProperty("V1_ENDPOINT_TYPE_PUBLIC") PUBLIC,
    @JsonEnumDefaultValue UNKNOWN
}
