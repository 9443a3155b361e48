package dev.lstudio.client;

/** Told after each poll of a wait, e.g. to turn a spinner; called on the waiting thread. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    static ProgressListener none() {
        return progress -> { };
    }
}
