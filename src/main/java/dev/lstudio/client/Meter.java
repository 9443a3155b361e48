package dev.lstudio.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Counts one file's bytes as they cross and tells the listener. An attempt that fails and is
 * retried from its start has its bytes taken back ({@link #takeBack}), so the listener's total
 * never counts them twice; {@link #crossed()} keeps them (what the network carried).
 */
final class Meter implements LongConsumer {
    private final FileTransfer file;
    private final TransferListener listener;
    private final AtomicLong crossed = new AtomicLong();

    Meter(FileTransfer file, TransferListener listener) {
        this.file = file;
        this.listener = listener;
    }

    @Override
    public void accept(long delta) {
        crossed.addAndGet(delta);
        listener.moved(file, delta);
    }

    /** A meter for one attempt (a whole file, or one part): its bytes can be taken back together. */
    Attempt attempt() {
        return new Attempt();
    }

    void takeBack(long bytes) {
        if (bytes > 0) {
            listener.moved(file, -bytes);
        }
    }

    long crossed() {
        return crossed.get();
    }

    final class Attempt implements LongConsumer {
        private final AtomicLong bytes = new AtomicLong();

        @Override
        public void accept(long delta) {
            bytes.addAndGet(delta);
            Meter.this.accept(delta);
        }

        long bytes() {
            return bytes.get();
        }

        void failed() {
            takeBack(bytes.getAndSet(0));
        }
    }
}
