package dev.lstudio.dsl;

/**
 * Progress of a long wait (a studio starting, a command running). On a terminal the runner
 * shows a spinner line with the phase text and the elapsed time; elsewhere it writes plain
 * timestamped lines. Waits call {@link #begin}, {@link Task#update} as the phase changes, and
 * close the task when the wait ends (try-with-resources).
 */
public interface Progress {
    Task begin(String text);

    interface Task extends AutoCloseable {
        void update(String text);

        @Override
        void close();
    }

    /** Shows nothing: for {@code --quiet}, tests and Java callers that want no progress. */
    static Progress silent() {
        return text -> new Task() {
            @Override
            public void update(String ignored) {
            }

            @Override
            public void close() {
            }
        };
    }
}
