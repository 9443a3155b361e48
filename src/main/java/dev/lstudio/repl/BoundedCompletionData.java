package dev.lstudio.repl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Keeps TAB responsive whatever the data source does: each list is fetched with a deadline, and a
 * list that is late or fails is answered with the last one that arrived (empty at first). A late
 * call is not repeated while it still runs; when it finishes, its list becomes the last known one.
 */
final class BoundedCompletionData implements CompletionData {

    private final CompletionData delegate;
    private final long limitNanos;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lstudio-completion");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<?>> lastKnown = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    BoundedCompletionData(CompletionData delegate, Duration limit) {
        this.delegate = delegate;
        this.limitNanos = limit.toNanos();
    }

    @Override
    public List<Suggestion> teamspaces() {
        return bounded("teamspaces", delegate::teamspaces);
    }

    @Override
    public List<Suggestion> studios() {
        return bounded("studios", delegate::studios);
    }

    @Override
    public List<Suggestion> machines() {
        return bounded("machines", delegate::machines);
    }

    @Override
    public List<Suggestion> plugins() {
        return bounded("plugins", delegate::plugins);
    }

    @Override
    public List<Verb> verbs() {
        return bounded("verbs", delegate::verbs);
    }

    private <T> List<T> bounded(String key, Supplier<List<T>> call) {
        Future<?> previous = running.get(key);
        if (previous != null && !previous.isDone()) {
            return last(key);
        }
        Future<List<T>> next = pool.submit(() -> {
            List<T> value = call.get();
            List<T> copy = value == null ? List.of() : List.copyOf(value);
            lastKnown.put(key, copy);
            return copy;
        });
        running.put(key, next);
        try {
            return next.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return last(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last(key);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> last(String key) {
        return (List<T>) lastKnown.getOrDefault(key, List.of());
    }
}
