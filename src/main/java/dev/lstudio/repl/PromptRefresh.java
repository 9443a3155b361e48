package dev.lstudio.repl;

import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;

/**
 * The first prompt is drawn before the teamspace is known (it is looked up in the background, so
 * that the prompt never waits for the network). This watches for the answer and redraws the prompt
 * being read with it, so the teamspace shows from the first prompt on, not from the second.
 */
final class PromptRefresh {
    private static final long POLL_MILLIS = 50;
    private static final long GIVE_UP_MILLIS = 60_000;

    private PromptRefresh() {
    }

    /** Starts the watcher; it ends once {@code known} answers or after a minute (no network: the prompt stays short). */
    static void watch(LineReader reader, Supplier<String> known, Supplier<String> prompt) {
        Thread t = new Thread(() -> {
            long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
            try {
                while (System.currentTimeMillis() < deadline) {
                    String teamspace = known.get();
                    if (teamspace != null && !teamspace.isBlank()) {
                        // The answer may come just before the first readLine begins: wait for it a moment.
                        for (int i = 0; i < 40 && !reader.isReading(); i++) {
                            Thread.sleep(POLL_MILLIS);
                        }
                        redraw(reader, prompt.get());
                        return;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lstudio-prompt");
        t.setDaemon(true);
        t.start();
    }

    private static void redraw(LineReader reader, String prompt) {
        if (!(reader instanceof LineReaderImpl impl) || !reader.isReading()) {
            return; // a line is being run: the next prompt is drawn afresh anyway
        }
        try {
            impl.setPrompt(prompt);
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException e) {
            // reading ended between the check and the call: nothing to redraw
        }
    }
}
