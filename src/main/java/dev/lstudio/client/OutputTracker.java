package dev.lstudio.client;

import java.util.function.Consumer;

/**
 * Turns what the server sends into new text only, so a consumer sees each character once.
 * Session polls are cumulative (each returns everything so far), as the API facts state. The
 * stream is assumed cumulative too, until a chunk does not start with everything seen so far:
 * from then on the stream is taken as incremental and chunks are passed on whole. (An
 * incremental chunk that happens to repeat the whole output so far would be misread as
 * cumulative; only the first chunks of an output are at risk, and a poll afterwards, being
 * cumulative, never duplicates.)
 */
final class OutputTracker {
    private final StringBuilder seen = new StringBuilder();
    private final Consumer<String> sink;
    private boolean incremental;

    OutputTracker(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * A cumulative snapshot (execute's first answer, a session poll): what goes past the text
     * seen is new. A server buffer that no longer starts where ours does gives only its longer part.
     */
    void snapshot(String output) {
        if (output != null && output.length() > seen.length()) {
            emit(output.substring(seen.length()));
        }
    }

    /** One stream event: cumulative or incremental, judged as described above. */
    void streamed(String chunk) {
        if (chunk == null || chunk.isEmpty()) {
            return;
        }
        if (!incremental && chunk.startsWith(seen.toString())) {
            if (chunk.length() > seen.length()) {
                emit(chunk.substring(seen.length()));
            }
            return;
        }
        incremental = true;
        emit(chunk);
    }

    boolean incremental() {
        return incremental;
    }

    String text() {
        return seen.toString();
    }

    private void emit(String text) {
        seen.append(text);
        sink.accept(text);
    }
}
