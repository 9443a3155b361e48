package dev.lstudio.client;

import dev.lstudio.api.InstancePhase;

/** A Studio's status as a person thinks of it. */
public enum Status {
    STOPPED, PENDING, RUNNING, STOPPING, FAILED, UNKNOWN;

    /**
     * No instance (or a null phase) is STOPPED, as in the reference. Phases seen live but not
     * in the reference are placed where they behave: an image being built precedes running
     * (PENDING), a deleted instance is no longer running (STOPPED).
     */
    public static Status of(InstancePhase phase) {
        if (phase == null) {
            return STOPPED;
        }
        return switch (phase) {
            case UNSPECIFIED, PENDING, IMAGE_BUILDING -> PENDING;
            case RUNNING -> RUNNING;
            case STOPPING -> STOPPING;
            case STOPPED, DELETED -> STOPPED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
