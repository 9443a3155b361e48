package dev.lstudio.client

/** Records each wait as a task: the text it began with, its updates, whether it was closed. */
class RecordingProgress implements Progress {
    final List<Task> tasks = [].asSynchronized()

    static class Task implements Progress.Task {
        final String text
        final List<String> updates = [].asSynchronized()
        boolean closed

        Task(String text) {
            this.text = text
        }

        @Override
        void update(String update) {
            updates << update
        }

        @Override
        void close() {
            closed = true
        }

        /** The updates without the task's own text in front ("s: start: PENDING" is "PENDING"). */
        List<String> getPhases() {
            updates.collect { it.startsWith(text + ': ') ? it.substring(text.length() + 2) : it }
        }
    }

    @Override
    Progress.Task begin(String text) {
        def task = new Task(text)
        tasks << task
        task
    }

    /** Every update of every task, in order, without the task text. */
    List<String> getPhases() {
        tasks.collectMany { it.phases }
    }
}
