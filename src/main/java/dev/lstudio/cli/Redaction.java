package dev.lstudio.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The credentials lstudio must never print, whatever the source of the text (a command line, a
 * command's output or error, an exception, a value in the REPL). {@link Console} and the REPL
 * pass everything they print through it, so no code path can forget. The composition root
 * ({@link ContextFactory}) fills it: the key of the environment or credentials file at once,
 * the embedded emulator's own key when it starts.
 */
final class Redaction {
    /** One set of credentials: masks them in a text, and says how much of a text's end could begin one. */
    interface Mask {
        String redact(String text);

        int partialAtEnd(CharSequence text);
    }

    private final List<Mask> masks = new CopyOnWriteArrayList<>();

    /** Nothing to mask yet. */
    static Redaction none() {
        return new Redaction();
    }

    Redaction add(Mask mask) {
        masks.add(Objects.requireNonNull(mask, "mask"));
        return this;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Mask m : masks) {
            masked = m.redact(masked);
        }
        return masked;
    }

    private int partialAtEnd(CharSequence text) {
        int n = 0;
        for (Mask m : masks) {
            n = Math.max(n, m.partialAtEnd(text));
        }
        return n;
    }

    /**
     * {@code out} with the credentials masked, byte for byte otherwise and as live: each write
     * goes on at once, except a tail that could be the start of a key (never a line end), held
     * until the next write shows whether it is one, or until {@link Held#release()}.
     */
    Held stream(OutputStream out) {
        return new Held(out);
    }

    /**
     * Works on bytes read as ISO-8859-1 (one char per byte, so output stays byte-exact whatever
     * its encoding and however it is split); the key and the encoded header are ASCII.
     */
    final class Held extends FilterOutputStream {
        private byte[] held = new byte[0];

        private Held(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (masks.isEmpty() && held.length == 0) {
                out.write(b, off, len);
                return;
            }
            byte[] joined = Arrays.copyOf(held, held.length + len);
            System.arraycopy(b, off, joined, held.length, len);
            String masked = redact(new String(joined, StandardCharsets.ISO_8859_1));
            byte[] bytes = masked.getBytes(StandardCharsets.ISO_8859_1);
            int keep = partialAtEnd(masked);
            out.write(bytes, 0, bytes.length - keep);
            held = Arrays.copyOfRange(bytes, bytes.length - keep, bytes.length);
        }

        /** Writes the held tail: the output has ended (or paused for good), so it cannot become a key. */
        synchronized void release() throws IOException {
            if (held.length > 0) {
                out.write(held);
                held = new byte[0];
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            release();
            super.close();
        }
    }
}
