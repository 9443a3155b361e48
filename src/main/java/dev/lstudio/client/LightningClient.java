package dev.lstudio.client;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.ApiException;
import dev.lstudio.api.AuthUser;
import dev.lstudio.api.Backoff;
import dev.lstudio.api.CloudSpace;
import dev.lstudio.api.CloudSpaceQuery;
import dev.lstudio.api.ConflictException;
import dev.lstudio.api.CreateCloudSpaceRequest;
import dev.lstudio.api.CreateRunRequest;
import dev.lstudio.api.LightningApi;
import dev.lstudio.api.NetworkException;
import dev.lstudio.api.SeedFile;
import dev.lstudio.api.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What a caller means, over the Studios API: teamspaces and Studios by name, and handles
 * ({@link Studio}) that start, stop, switch, run commands and wait until done. Thread-safe;
 * one per process is enough. See the package documentation for the rules it follows.
 */
public final class LightningClient implements AutoCloseable {
    private final Context context;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final CompletionCache cache;
    private volatile CurrentUser me;

    private LightningClient(LightningApi api, ClientOptions options) {
        this.context = new Context(api, options, new Waiter(options), this::warn, this::studiosChanged);
        this.cache = new CompletionCache(this, options);
    }

    public static LightningClient create(LightningApi api, ClientOptions options) {
        return new LightningClient(Objects.requireNonNull(api, "api"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Credentials and URL from {@code options.environment()} (env variables, then the credentials
     * file); credential warnings go to the options' warning sink.
     */
    public static LightningClient fromEnvironment(ClientOptions options) {
        List<String> early = new ArrayList<>();
        ApiConfig config = ApiConfig.fromEnvironment(options.environment(), early::add);
        LightningClient client = create(LightningApi.create(config), options);
        early.forEach(client::warn);
        return client;
    }

    /** Where and as whom this client calls the API (the ledger of owned studios records both). */
    LightningApi api() {
        return context.api();
    }

    /** What the client's parts share, for {@link Cleanup} (which stops studios known only by id). */
    Context context() {
        return context;
    }

    /** The options this client was made with (its default timeouts, sleeper, environment). */
    public ClientOptions options() {
        return context.options();
    }

    /** Every warning given so far (also sent to the options' sink as it happens). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(String warning) {
        warnings.add(warning);
        context.options().warnings().accept(warning);
    }

    /** The user of the credentials (asked once, then remembered). */
    public CurrentUser me() {
        CurrentUser known = me;
        if (known == null) {
            AuthUser user = context.api().currentUser();
            known = new CurrentUser(user.id() != null ? user.id() : context.api().userId(), user.username());
            me = known;
        }
        return known;
    }

    // --- teamspaces

    public List<Teamspace> teamspaces() {
        CurrentUser user = me();
        return context.api().memberships().stream().map(m -> Teamspaces.of(m, user)).collect(Collectors.toList());
    }

    /** By {@code name} or {@code owner/name}; a {@link LookupException} lists what exists when it is not exactly one. */
    public Teamspace teamspace(String nameOrOwnerSlashName) {
        return Teamspaces.resolve(nameOrOwnerSlashName, teamspaces());
    }

    /**
     * The teamspace to use when the caller names none: {@code LIGHTNING_TEAMSPACE} if set, else
     * the only one the user belongs to; with several, a {@link LookupException} listing them.
     */
    public Teamspace defaultTeamspace() {
        return Teamspaces.chooseDefault(context.options().environment().get(Teamspaces.ENV), teamspaces());
    }

    /** {@code name} when given (not blank), else {@link #defaultTeamspace()}. */
    public Teamspace teamspaceOrDefault(String nameOrNull) {
        return nameOrNull == null || nameOrNull.isBlank() ? defaultTeamspace() : teamspace(nameOrNull);
    }

    // --- studios

    public List<Studio> studios(Teamspace teamspace) {
        return studios(teamspace, StudioFilter.all());
    }

    /** All pages of the teamspace's Studios matching {@code filter}. */
    public List<Studio> studios(Teamspace teamspace, StudioFilter filter) {
        CloudSpaceQuery query = CloudSpaceQuery.forUser(me().id()).withName(filter.name())
                .withActiveOnly(filter.running() ? Boolean.TRUE : null)
                .withFavorite(filter.favorite() ? Boolean.TRUE : null);
        List<Studio> result = new ArrayList<>();
        for (CloudSpace cs : context.api().cloudspaces(teamspace.projectId(), query)) {
            result.add(new Studio(context, teamspace, cs));
        }
        return result;
    }

    /**
     * The Studio named {@code name}, if any; a name no Studio can have is an {@link StudioNames.InvalidNameException}.
     * Asked first without {@code userId}, as the SDK looks names up, so that a teammate's Studio in a
     * shared teamspace is found; then with it, for a server that lists nothing without it (the reference).
     */
    public Optional<Studio> findStudio(Teamspace teamspace, String name) {
        StudioNames.check(name);
        Optional<Studio> anyone = named(teamspace, CloudSpaceQuery.anyUser().withName(name), name);
        return anyone.isPresent() ? anyone : named(teamspace, CloudSpaceQuery.forUser(me().id()).withName(name), name);
    }

    private Optional<Studio> named(Teamspace teamspace, CloudSpaceQuery query, String name) {
        for (CloudSpace cs : context.api().cloudspaces(teamspace.projectId(), query)) {
            if (name.equals(cs.name())) {
                return Optional.of(new Studio(context, teamspace, cs));
            }
        }
        return Optional.empty();
    }

    /**
     * The Studio named {@code name}; a {@link LookupException} lists the existing ones when there
     * is none (its {@link LookupException#candidates() candidates}: empty when the caller has no
     * Studios there, as the lists are of the caller's own).
     */
    public Studio studio(Teamspace teamspace, String name) {
        return findStudio(teamspace, name).orElseThrow(() -> {
            List<String> existing = studios(teamspace).stream().map(Studio::name).sorted().collect(Collectors.toList());
            String missing = "studio '" + name + "' not found in teamspace '" + teamspace.label() + "'";
            return new LookupException(existing.isEmpty() ? missing + ", where you have no Studios yet"
                    : missing + "; existing: " + String.join(", ", existing), existing);
        });
    }

    public Studio createStudio(Teamspace teamspace, String name) {
        return createStudio(teamspace, NewStudio.named(name));
    }

    /**
     * Creates a Studio (stopped), then registers its run as the SDK does. A failed run call does
     * not undo the create: it becomes a warning, since the Studio exists and works.
     */
    public Studio createStudio(Teamspace teamspace, NewStudio spec) {
        StudioNames.check(spec.name());
        List<SeedFile> seeds = spec.seedFiles().entrySet().stream().map(e -> new SeedFile(e.getKey(), e.getValue()))
                .collect(Collectors.toList());
        CloudSpace created = context.api().createCloudspace(teamspace.projectId(), new CreateCloudSpaceRequest(
                spec.name(), spec.displayName(), spec.clusterId(), seeds.isEmpty() ? null : seeds, null,
                spec.disableSecrets() ? Boolean.TRUE : null, spec.environmentTemplateId()));
        try {
            String cluster = created.clusterId() != null ? created.clusterId() : spec.clusterId();
            context.api().createRun(teamspace.projectId(), created.id(), CreateRunRequest.localSource(cluster));
        } catch (ApiException e) {
            warn("studio '" + spec.name() + "' was created, but registering its run failed: " + e.getMessage());
        } finally {
            context.studiosChanged().changed(teamspace,
                    StudiosChanged.added(new StudioSummary(created.name() != null ? created.name() : spec.name(),
                            Status.of(created.phase()))));
        }
        return new Studio(context, teamspace, created);
    }

    /**
     * Creates the Studio for a caller that wants it to exist ({@code create: true}): when the
     * create's answer is lost (a dropped connection, a 5xx) or says it exists already, the name
     * is looked up again. Names are unique in a teamspace, so a Studio found then is the one
     * this call made, or one made at the same moment under the name asked for; none found means
     * the create did not happen, so it is sent again (up to {@value #CREATE_SENDS} sends in all).
     */
    public Studio createOrFind(Teamspace teamspace, NewStudio spec) {
        for (int send = 1; ; send++) {
            try {
                return createStudio(teamspace, spec);
            } catch (NetworkException | ServerErrorException | ConflictException e) {
                Optional<Studio> found;
                try {
                    found = findStudio(teamspace, spec.name());
                } catch (ApiException lookup) {
                    e.addSuppressed(lookup);
                    throw e;
                }
                if (found.isPresent()) {
                    return found.get();
                }
                if (e instanceof ConflictException || send >= CREATE_SENDS) {
                    throw e;
                }
                context.waiter().sleep(createBackoff().delay(send));
            }
        }
    }

    private static final int CREATE_SENDS = 3;

    /** Doubling from the first poll delay, at least half of each: the lost create may need a moment to show. */
    private Backoff createBackoff() {
        return Backoff.of(context.options().pollInitial(), 2, context.options().pollMax()).withJitter(-0.5);
    }

    /** Plugins that can be installed in any Studio. */
    public List<PluginInfo> availablePlugins() {
        return context.api().availablePlugins().stream().map(PluginInfo::of).collect(Collectors.toList());
    }

    private void studiosChanged(Teamspace teamspace, java.util.function.UnaryOperator<List<StudioSummary>> edit) {
        cache.studiosChanged(teamspace, edit);
    }

    /** Lists for completion, refreshed in the background. */
    public CompletionCache completionCache() {
        return cache;
    }

    @Override
    public void close() {
        cache.close();
    }

    @Override
    public String toString() {
        return "LightningClient[" + context.api() + "]";
    }
}
