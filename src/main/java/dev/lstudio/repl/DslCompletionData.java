package dev.lstudio.repl;

import dev.lstudio.client.CompletionCache;
import dev.lstudio.client.Machines;
import dev.lstudio.client.PluginInfo;
import dev.lstudio.client.StudioSummary;
import dev.lstudio.client.Teamspace;
import dev.lstudio.dsl.DslReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Completion lists of a live session: teamspaces, studios and plugins from the client's
 * {@link CompletionCache} (refreshed in the background, and bounded in how long it waits, so
 * nothing here needs a pool or a cache of its own), machine slugs from the client's table,
 * and the verbs with their named arguments from the DSL reference, the page {@code :help} prints.
 * Without credentials the server's lists are empty and the rest still completes.
 */
public final class DslCompletionData implements CompletionData {
    /** Verbs whose first argument names something that exists; the others take new names or values. */
    private static final Map<String, Verb.Argument> ARGUMENTS = Map.ofEntries(
            Map.entry("teamspace", Verb.Argument.TEAMSPACE),
            Map.entry("studio", Verb.Argument.STUDIO),
            Map.entry("start", Verb.Argument.MACHINE),
            Map.entry("switchTo", Verb.Argument.MACHINE),
            Map.entry("install", Verb.Argument.PLUGIN),
            Map.entry("uninstall", Verb.Argument.PLUGIN),
            Map.entry("plugin", Verb.Argument.PLUGIN),
            Map.entry("upload", Verb.Argument.LOCAL_PATH),
            Map.entry("download", Verb.Argument.REMOTE_PATH),
            Map.entry("files", Verb.Argument.REMOTE_PATH),
            Map.entry("remove", Verb.Argument.REMOTE_PATH));

    private final Supplier<CompletionCache> cache;
    private final Supplier<Teamspace> teamspace;
    private final Supplier<DslReference> reference;
    private final RemotePaths remotePaths;
    private volatile List<Verb> verbs;

    /**
     * @param cache     the client's cache; may throw (no credentials), which completes nothing from the server
     * @param teamspace the current teamspace, resolved; must answer from memory (null: not known yet, no studios)
     * @param reference the DSL reference, asked for when the verbs are first needed
     */
    public DslCompletionData(Supplier<CompletionCache> cache, Supplier<Teamspace> teamspace, Supplier<DslReference> reference) {
        this(cache, teamspace, reference, null);
    }

    /** @param remotePaths the listings of studios' files known (null: no path in a studio completes) */
    public DslCompletionData(Supplier<CompletionCache> cache, Supplier<Teamspace> teamspace, Supplier<DslReference> reference,
                             RemotePaths remotePaths) {
        this.cache = cache;
        this.teamspace = teamspace;
        this.reference = reference;
        this.remotePaths = remotePaths;
    }

    @Override
    public List<Suggestion> remotePaths(String studio, String typed) {
        return remotePaths == null ? List.of() : remotePaths.suggest(studio, typed);
    }

    static List<Verb> verbs(DslReference reference) {
        List<Verb> out = new ArrayList<>();
        Map<String, String> summaries = reference.summaries();
        for (DslReference.Entry e : reference.entries()) {
            // Option entries (wait:, timeout:) and values (durations) are documented, not called.
            if (!e.name().endsWith(":") && !e.group().equals("Values")) {
                out.add(new Verb(e.name(), summaries.get(e.name()), e.options(),
                        ARGUMENTS.getOrDefault(e.name(), Verb.Argument.NONE), Verb.Where.of(e.part("Where").orElse(""))));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Suggestion> teamspaces() {
        List<Suggestion> out = new ArrayList<>();
        fromCache(c -> c.teamspaces()).forEach(t -> out.add(Suggestion.of(t)));
        return out;
    }

    @Override
    public List<Suggestion> studios() {
        List<Suggestion> out = new ArrayList<>();
        Teamspace current = teamspace.get();
        if (current == null) {
            return out; // resolved by the REPL's warm-up or the first verb, never on the TAB key's thread
        }
        for (StudioSummary s : this.<StudioSummary>fromCache(c -> c.studios(current))) {
            out.add(Suggestion.of(s.name(), s.status().name()));
        }
        return out;
    }

    @Override
    public List<Suggestion> machines() {
        List<Suggestion> out = new ArrayList<>();
        Machines.known().forEach(m -> out.add(Suggestion.of(m.slug(), m.describe())));
        return out;
    }

    @Override
    public List<Suggestion> plugins() {
        List<Suggestion> out = new ArrayList<>();
        for (PluginInfo p : this.<PluginInfo>fromCache(CompletionCache::plugins)) {
            out.add(Suggestion.of(p.id(), p.description()));
        }
        return out;
    }

    @Override
    public List<Verb> verbs() {
        List<Verb> known = verbs;
        if (known == null) {
            known = verbs(reference.get());
            verbs = known;
        }
        return known;
    }

    private <T> List<T> fromCache(Function<CompletionCache, List<T>> read) {
        try {
            return read.apply(cache.get());
        } catch (RuntimeException e) {
            // No credentials or no client yet: completion goes on with what needs no server.
            return List.of();
        }
    }
}
