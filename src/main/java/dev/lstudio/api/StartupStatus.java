package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** How far an instance has restored the Studio's files; start is done at {@code topUpRestoreFinished}. */
public record StartupStatus(
        @JsonAlias("initial_restore_finished") Boolean initialRestoreFinished,
        @JsonAlias("top_up_restore_finished") Boolean topUpRestoreFinished) {

    public boolean initialDone() {
        return Boolean.TRUE.equals(initialRestoreFinished);
    }

    public boolean topUpDone() {
        return Boolean.TRUE.equals(topUpRestoreFinished);
    }
}
