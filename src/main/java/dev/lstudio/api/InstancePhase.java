package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Phase of a Studio's instance ({@code codeStatus.inUse.phase}); {@code null} on the wire means no instance. */
public enum InstancePhase {
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_UNSPECIFIED") UNSPECIFIED,
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_PENDING") PENDING,
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_RUNNING") RUNNING,
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_STOPPING") STOPPING,
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_STOPPED") STOPPED,
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_FAILED") FAILED,
    /** Seen on live servers, not in the reference: the image is built before the machine starts. */
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_IMAGE_BUILDING") IMAGE_BUILDING,
    /** Seen on live servers, not in the reference: the instance is gone. */
    @JsonProperty("CLOUD_SPACE_INSTANCE_STATE_DELETED") DELETED,
    /** Any value this version does not know yet. */
    @JsonEnumDefaultValue UNKNOWN
}
