package dev.lstudio.client;

/**
 * Progress of long waits (a Studio starting, stopping, switching, a fork syncing), and the one
 * progress abstraction of lstudio: the client reports its waits here, the DSL reports its own,
 * and whoever shows them (the runner's spinner on a terminal, timestamped lines for cron, the
 * REPL) implements it. A wait calls {@link #begin}, then {@link Task#update} after each poll
 * with what it saw, and closes the task when it ends (try-with-resources), however it ends.
 * Calls come on the waiting thread; several waits may run at once (parallel studios).
 */
public interface Progress {
    /** A wait begins; {@code text} says what is awaited, e.g. "my-studio: start". */
    Task begin(String text);

    /** One wait in progress. */
    interface Task extends AutoCloseable {
        /** What the wait sees now, e.g. "my-studio: start: PENDING". */
        void update(String text);

        @Override
        void close();
    }

    /** Shows nothing: for {@code --quiet}, tests and callers that want no progress. */
    static Progress silent() {
        return text -> SilentTask.INSTANCE;
    }
}

enum SilentTask implements Progress.Task {
    INSTANCE;

    @Override
    public void update(String text) {
    }

    @Override
    public void close() {
    }
}
