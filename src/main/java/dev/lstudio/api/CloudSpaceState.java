package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Studio's own state (not its instance's): a fork is usable once it is {@link #READY}. */
public enum CloudSpaceState {
    @JsonProperty("CLOUD_SPACE_STATE_UNSPECIFIED") UNSPECIFIED,
    @JsonProperty("CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS") INITIAL_SYNC_IN_PROGRESS,
    @JsonProperty("CLOUD_SPACE_STATE_READY") READY,
    @JsonProperty("CLOUD_SPACE_STATE_DELETED") DELETED,
    @JsonProperty("CLOUD_SPACE_STATE_TRANSFERRING") TRANSFERRING,
    /** Any value this version does not know yet. */
    @JsonEnumDefaultValue UNKNOWN
}
