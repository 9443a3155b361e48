package dev.lstudio.dsl;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a client call on a worker thread while the caller waits interruptibly. A socket read
 * (a command's output stream) ignores {@link Thread#interrupt()}, yet SIGINT, SIGTERM,
 * {@code timeout}, a failed {@code parallel} sibling and the runtime watchdog all arrive as
 * interrupts: with this, the script thread always notices them at once and can run teardown.
 * On an interrupt the worker is interrupted too and given {@code unwind} to finish the call
 * under way (so a start request in flight lands before teardown's stop does), then left.
 */
final class ClientCalls {
    /** Long enough for an HTTP call to return after its thread was interrupted; no wait ever lasts longer. */
    static final Duration UNWIND = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lstudio-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ClientCalls() {
    }

    static <T> T call(Callable<T> work) {
        return call(work, UNWIND);
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        }, UNWIND);
    }

    /**
     * The work's result, or its exception as thrown (with the caller's frames appended, so that
     * error reports still find the script's line); an {@link InterruptedException} when the
     * caller is interrupted, thrown unchecked as Groovy code does.
     */
    static <T> T call(Callable<T> work, Duration unwind) {
        AtomicBoolean started = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Future<T> future = WORKERS.submit(() -> {
            started.set(true);
            try {
                return work.call();
            } finally {
                finished.countDown();
            }
        });
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw Rethrow.<RuntimeException>rethrow(withCallerFrames(e.getCause()));
        } catch (InterruptedException e) {
            future.cancel(true);
            if (started.get()) {
                awaitUnwind(finished, unwind);
            }
            throw Rethrow.<RuntimeException>rethrow(e);
        }
    }

    /**
     * Runs cleanup work (stopping a studio) to its end whatever interrupts the caller receives
     * meanwhile: a signal, or a failed {@code parallel} cancelling its items more than once,
     * must not break the very call that stops the studio. The caller's interrupt flag is kept.
     */
    static void uninterruptibly(Runnable work) {
        Future<?> future = WORKERS.submit(work);
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw Rethrow.<RuntimeException>rethrow(withCallerFrames(e.getCause()));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the worker to finish, up to {@code unwind}, through further interrupts (kept for the caller). */
    private static void awaitUnwind(CountDownLatch finished, Duration unwind) {
        long deadline = System.nanoTime() + unwind.toNanos();
        boolean interrupted = false;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                if (finished.await(left, TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable withCallerFrames(Throwable failure) {
        StackTraceElement[] own = failure.getStackTrace();
        StackTraceElement[] caller = new Throwable().getStackTrace();
        StackTraceElement[] joined = Arrays.copyOf(own, own.length + caller.length);
        System.arraycopy(caller, 0, joined, own.length, caller.length);
        failure.setStackTrace(joined);
        return failure;
    }
}
