package dev.lstudio.api

import java.time.Duration

/** Time that only moves when something sleeps: backoff is asserted without waiting. */
class FakeSleeper implements Sleeper {
    long now = 0
    final List<Duration> sleeps = Collections.synchronizedList([])
    Closure onSleep

    @Override
    long nanoTime() {
        now
    }

    @Override
    void sleep(Duration duration) {
        sleeps << duration
        now += duration.toNanos()
        onSleep?.call(duration)
    }

    Duration slept() {
        sleeps.inject(Duration.ZERO) { total, d -> total + d }
    }
}
