package dev.lstudio.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns what the server sends into new text only, so a consumer sees each character once.
 * Session polls are cumulative (each returns everything so far), as the API facts state; lines
 * of the live NDJSON stream are placed by their position ({@link #positioned}). A server-sent
 * event stream without offsets is assumed cumulative, until a chunk does not start with everything seen so far:
 * from then on the stream is taken as incremental and chunks are passed on whole. (An
 * incremental chunk that happens to repeat the whole output so far would be misread as
 * cumulative; only the first chunks of an output are at risk, and a poll afterwards, being
 * cumulative, never duplicates. Events that say where they end, as the emulator's SSE ids do,
 * are placed by that instead, so output that repeats itself is not at risk there.)
 */
final class OutputTracker {
    /**
     * The most output kept for the result, in characters: the last 4 MiB. The consumer still sees
     * every character as it arrives, so a 50 MB log is printed whole while the run holds only its
     * tail (and stays within a small heap); text beyond that is parsed from a file, not from exec.
     */
    static final int KEPT = 4 * 1024 * 1024;
    private static final int PIECE = 8 * 1024;

    private final Consumer<String> sink;
    private final int kept;
    /** The last {@code kept} characters of the output, in the pieces they came in. */
    private final Deque<String> tail = new ArrayDeque<>();
    private long tailLength;
    private long total;
    private boolean incremental;

    OutputTracker(Consumer<String> sink) {
        this(sink, KEPT);
    }

    OutputTracker(Consumer<String> sink, int kept) {
        this.sink = sink;
        this.kept = kept;
    }

    /**
     * A cumulative snapshot (execute's first answer, a session poll): what goes past the text
     * seen is new. A server buffer that no longer starts where ours does gives only its longer part.
     */
    void snapshot(String output) {
        if (output != null && output.length() > total) {
            emit(output.substring((int) total));
        }
    }

    /**
     * A chunk that ends at {@code end} in the whole output (a line of the live NDJSON stream,
     * placed by the lengths of the lines before it in the same response). Only what goes past
     * the text seen is new: every response of the live stream starts again from the first output,
     * and output that repeats itself is placed by position, never by comparing text.
     */
    void positioned(String chunk, long end) {
        if (chunk != null && !chunk.isEmpty() && end > total) {
            emit(chunk.substring((int) Math.max(0, total - (end - chunk.length()))));
        }
    }

    /** One stream event: cumulative or incremental, judged as described above. */
    void streamed(String chunk) {
        streamed(chunk, null);
    }

    /**
     * One stream event that may say where it ends in the whole output ({@code end}, an SSE id
     * that is an offset). When it is consistent with what was seen (the event starts at or
     * before it, and ends at or after it) it decides, so that output which repeats itself (a
     * line of dots, a byte repeated) is never mistaken for a cumulative repeat; otherwise the
     * content decides as described above.
     */
    void streamed(String chunk, Long end) {
        if (chunk == null || chunk.isEmpty()) {
            return;
        }
        long start = end == null ? -1 : end - chunk.length();
        if (start >= 0 && start <= total && end >= total) {
            if (end > total) {
                emit(chunk.substring((int) (total - start)));
            }
            return;
        }
        if (!incremental && extendsSeen(chunk)) {
            if (chunk.length() > total) {
                emit(chunk.substring((int) total));
            }
            return;
        }
        incremental = true;
        emit(chunk);
    }

    /** Whether {@code chunk} starts with everything seen so far (checked on the part still kept). */
    private boolean extendsSeen(String chunk) {
        if (chunk.length() < total) {
            return false;
        }
        int at = (int) (total - tailLength);
        for (String piece : tail) {
            if (!chunk.startsWith(piece, at)) {
                return false;
            }
            at += piece.length();
        }
        return true;
    }

    boolean incremental() {
        return incremental;
    }

    /** The output, or its last {@link #KEPT} characters after a line saying how much came before. */
    String text() {
        long dropped = total - tailLength;
        List<String> parts = new ArrayList<>(tail.size() + 1);
        if (dropped > 0) {
            parts.add("[lstudio: the first " + dropped + " characters of this output are not kept (" + total
                    + " in all; exec keeps the last " + kept + "); all of it was shown as it ran]\n");
        }
        parts.addAll(tail);
        return String.join("", parts); // one copy of the kept text, however many pieces
    }

    private void emit(String text) {
        total += text.length();
        String last = tail.peekLast();
        if (last != null && last.length() + text.length() <= PIECE) {
            tail.removeLast();
            tail.addLast(last + text); // output that comes a character at a time must not cost an object each
        } else {
            tail.addLast(text);
        }
        tailLength += text.length();
        while (tailLength > kept) {
            String first = tail.removeFirst();
            long excess = tailLength - kept;
            if (first.length() > excess) {
                tail.addFirst(first.substring((int) excess));
                tailLength = kept;
            } else {
                tailLength -= first.length();
            }
        }
        sink.accept(text);
    }
}
