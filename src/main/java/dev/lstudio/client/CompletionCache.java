package dev.lstudio.client;

import dev.lstudio.api.Sleeper;
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
import java.util.stream.Collectors;

/**
 * Lists for completion that never keep a caller waiting long: a list older than the TTL is
 * served as it is while a background thread fetches a new one; a list never fetched is waited
 * for at most {@code cacheMaxWait} (a few hundred ms), then whatever is known (maybe nothing)
 * is served. A failing API leaves the last known list in place.
 */
public final class CompletionCache implements AutoCloseable {
    private final LightningClient client;
    private final Sleeper clock;
    private final Duration maxWait;
    private final Duration ttl;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "lstudio-completion");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry<?>> entries = new ConcurrentHashMap<>();

    CompletionCache(LightningClient client, ClientOptions options) {
        this.client = client;
        this.clock = options.sleeper();
        this.maxWait = options.cacheMaxWait();
        this.ttl = options.cacheTtl();
    }

    /** Teamspace labels ({@code owner/name} where the owner is known). */
    public List<String> teamspaces() {
        return get("teamspaces", () -> Teamspaces.labels(client.teamspaces()));
    }

    /** Names and statuses of a teamspace's Studios ({@code teamspace} as a caller would name it; null: the default one). */
    public List<StudioSummary> studios(String teamspace) {
        return get("studios:" + teamspace, () -> client.studios(client.teamspaceOrDefault(teamspace)).stream()
                .map(s -> new StudioSummary(s.name(), s.listedStatus())).collect(Collectors.toList()));
    }

    public List<String> studioNames(String teamspace) {
        return studios(teamspace).stream().map(StudioSummary::name).collect(Collectors.toList());
    }

    /** Plugins that can be installed. */
    public List<PluginInfo> plugins() {
        return get("plugins", client::availablePlugins);
    }

    /** Known machine slugs; no call needed. */
    public List<String> machines() {
        return Machines.slugs();
    }

    /** Forgets every list, so the next read fetches again. */
    public void invalidate() {
        entries.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> get(String key, Supplier<List<T>> fetch) {
        Entry<T> entry = (Entry<T>) entries.computeIfAbsent(key, k -> new Entry<T>());
        Future<?> pending = entry.refreshIfStale(fetch);
        if (entry.value == null && pending != null) {
            try {
                pending.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // serve what is known; the fetch goes on, or its failure leaves the old list
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<T> value = entry.value;
        return value == null ? List.of() : value;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class Entry<T> {
        private volatile List<T> value;
        private volatile long fetchedAt;
        private Future<?> inFlight;

        synchronized Future<?> refreshIfStale(Supplier<List<T>> fetch) {
            boolean fresh = value != null && clock.nanoTime() - fetchedAt < ttl.toNanos();
            if (fresh || executor.isShutdown()) {
                return null;
            }
            if (inFlight == null || inFlight.isDone()) {
                inFlight = executor.submit(() -> {
                    List<T> fetched = List.copyOf(fetch.get());
                    value = fetched;
                    fetchedAt = clock.nanoTime();
                });
            }
            return inFlight;
        }
    }
}
