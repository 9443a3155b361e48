package dev.lstudio.client;

import dev.lstudio.api.Environment;
import dev.lstudio.api.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the client waits and whom it tells. Every wait has a deadline: {@code startTimeout},
 * {@code stopTimeout}, {@code switchTimeout} and {@code execTimeout} are the defaults that
 * methods without an explicit timeout use. Polls start at {@code pollInitial} and grow by half
 * up to {@code pollMax}, each with random jitter. {@code sleeper} is the clock and the sleep
 * (tests hand in a fake one); {@code environment} supplies {@code LIGHTNING_TEAMSPACE}.
 */
public record ClientOptions(
        Sleeper sleeper,
        Environment environment,
        Progress progress,
        Consumer<String> warnings,
        Duration startTimeout,
        Duration stopTimeout,
        Duration switchTimeout,
        Duration execTimeout,
        Duration pollInitial,
        Duration pollMax,
        Duration cacheMaxWait,
        Duration cacheTtl) {

    public ClientOptions {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(environment, "environment");
        progress = progress == null ? Progress.silent() : progress;
        warnings = warnings == null ? w -> { } : warnings;
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(switchTimeout, "switchTimeout");
        Objects.requireNonNull(execTimeout, "execTimeout");
        Objects.requireNonNull(pollInitial, "pollInitial");
        Objects.requireNonNull(pollMax, "pollMax");
        Objects.requireNonNull(cacheMaxWait, "cacheMaxWait");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** Start 15 min, stop 10 min, switch 20 min, exec 60 min; polls 1 s growing to 10 s; cache waits 300 ms, keeps 30 s. */
    public static ClientOptions defaults() {
        return new ClientOptions(Sleeper.system(), Environment.system(), null, null,
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(60),
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(300), Duration.ofSeconds(30));
    }

    public ClientOptions withSleeper(Sleeper s) {
        return new ClientOptions(s, environment, progress, warnings, startTimeout, stopTimeout, switchTimeout,
                execTimeout, pollInitial, pollMax, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withEnvironment(Environment env) {
        return new ClientOptions(sleeper, env, progress, warnings, startTimeout, stopTimeout, switchTimeout,
                execTimeout, pollInitial, pollMax, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withProgress(Progress display) {
        return new ClientOptions(sleeper, environment, display, warnings, startTimeout, stopTimeout, switchTimeout,
                execTimeout, pollInitial, pollMax, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withWarnings(Consumer<String> sink) {
        return new ClientOptions(sleeper, environment, progress, sink, startTimeout, stopTimeout, switchTimeout,
                execTimeout, pollInitial, pollMax, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withTimeouts(Duration start, Duration stop, Duration switching, Duration exec) {
        return new ClientOptions(sleeper, environment, progress, warnings, start, stop, switching, exec,
                pollInitial, pollMax, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withPolling(Duration initial, Duration max) {
        return new ClientOptions(sleeper, environment, progress, warnings, startTimeout, stopTimeout, switchTimeout,
                execTimeout, initial, max, cacheMaxWait, cacheTtl);
    }

    public ClientOptions withCache(Duration maxWait, Duration ttl) {
        return new ClientOptions(sleeper, environment, progress, warnings, startTimeout, stopTimeout, switchTimeout,
                execTimeout, pollInitial, pollMax, maxWait, ttl);
    }
}
