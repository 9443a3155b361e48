package dev.lstudio.client;

import dev.lstudio.api.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Lists for completion that never keep a caller waiting long: a list older than the TTL is
 * served as it is while a background thread fetches a new one; a list never fetched is waited
 * for at most {@code cacheMaxWait} (a few hundred ms), then whatever is known (maybe nothing)
 * is served. A failing API leaves the last known list in place.
 *
 * <p>Studio lists are keyed by the resolved {@link Teamspace} (its project id), so a refresh is
 * one listing call, never a memberships call to find the teamspace again. The client's verbs that
 * change a teamspace's list (create, delete, rename, fork) edit that list at once, so the name a
 * verb just made is offered at the next TAB, however slow the next listing is. This is the only cache and the only pool of
 * completion: the REPL reads it as it is.
 */
public final class CompletionCache implements AutoCloseable {
    private static final String TEAMSPACES = "teamspaces";
    private static final String PLUGINS = "plugins";

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
        return get(TEAMSPACES, () -> Teamspaces.labels(client.teamspaces()));
    }

    /** Names and statuses of the Studios of {@code teamspace}. */
    public List<StudioSummary> studios(Teamspace teamspace) {
        Objects.requireNonNull(teamspace, "teamspace");
        return get(studiosKey(teamspace), () -> client.studios(teamspace).stream()
                .map(s -> new StudioSummary(s.name(), s.listedStatus())).collect(Collectors.toList()));
    }

    public List<String> studioNames(Teamspace teamspace) {
        return studios(teamspace).stream().map(StudioSummary::name).collect(Collectors.toList());
    }

    /** Plugins that can be installed. */
    public List<PluginInfo> plugins() {
        return get(PLUGINS, client::availablePlugins);
    }

    /** Known machine slugs; no call needed. */
    public List<String> machines() {
        return Machines.slugs();
    }

    /**
     * The Studios of {@code teamspace} changed (a create, delete, rename or fork): the list known is
     * edited at once (a name just made is offered at the next TAB, even while listing is slow) and
     * a listing in the background confirms it at the next read.
     */
    @SuppressWarnings("unchecked")
    void studiosChanged(Teamspace teamspace, UnaryOperator<List<StudioSummary>> edit) {
        Entry<StudioSummary> entry = (Entry<StudioSummary>) entries.get(studiosKey(teamspace));
        if (entry != null) {
            entry.edit(edit);
        }
    }

    /** Forgets every list, so the next read fetches again. */
    public void invalidate() {
        entries.clear();
    }

    private static String studiosKey(Teamspace teamspace) {
        return "studios:" + teamspace.projectId();
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
        /** Counts edits, so that a listing begun before one cannot undo it when it lands. */
        private long edits;

        synchronized void edit(UnaryOperator<List<T>> change) {
            List<T> known = value;
            value = known == null ? null : List.copyOf(change.apply(known));
            fetchedAt = clock.nanoTime() - ttl.toNanos() - 1; // stale: the next read confirms it
            edits++;
        }

        synchronized Future<?> refreshIfStale(Supplier<List<T>> fetch) {
            boolean fresh = value != null && clock.nanoTime() - fetchedAt < ttl.toNanos();
            if (fresh || executor.isShutdown()) {
                return null;
            }
            if (inFlight == null || inFlight.isDone()) {
                long editsBefore = edits;
                inFlight = executor.submit(() -> {
                    List<T> fetched = List.copyOf(fetch.get());
                    synchronized (this) {
                        if (edits == editsBefore) {
                            value = fetched;
                            fetchedAt = clock.nanoTime();
                        }
                    }
                });
            }
            return inFlight;
        }
    }
}
