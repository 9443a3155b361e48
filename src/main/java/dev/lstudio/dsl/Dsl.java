package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import dev.lstudio.client.Failure;
import dev.lstudio.client.Machine;
import dev.lstudio.client.Machines;
import dev.lstudio.client.StudioFilter;
import dev.lstudio.client.Teamspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The DSL's operations for Java callers (and JShell): the same things a script does with
 * closures, with {@link Callable}, {@link Runnable} and {@link Consumer} instead. The Groovy
 * script base class delegates here, so both faces behave alike.
 *
 * <pre>{@code
 * Dsl dsl = Dsl.create(DslContext.system());
 * String out = dsl.retry(RetrySettings.times(3).backoff(Duration.ofSeconds(2)), () -> fetch());
 * List<Integer> sizes = dsl.parallel(List.of("a", "b"), 8, name -> name.length());
 * dsl.studio("my-studio", s -> {            // stopped again if the block fails
 *     s.start("lit-h100-1");
 *     s.exec("nvidia-smi");
 *     s.stop();
 * });
 * }</pre>
 */
public final class Dsl {
    private final DslContext context;

    private Dsl(DslContext context) {
        this.context = context;
    }

    public static Dsl create(DslContext context) {
        return new Dsl(Objects.requireNonNull(context, "context"));
    }

    /** A body run for one item of {@link #parallel(Collection, int, Body)}. */
    @FunctionalInterface
    public interface Body<T, R> {
        R apply(T item) throws Exception;
    }

    public DslContext context() {
        return context;
    }

    public List<String> args() {
        return context.args();
    }

    /** The variable's value; fails with a message naming the variable when it is not set. */
    public String env(String name) {
        String value = context.env().get(name);
        if (value == null) {
            throw new DslException("environment variable " + name + " is not set; set it, or use env('"
                    + name + "', 'default') in the script");
        }
        return value;
    }

    public String env(String name, String fallback) {
        return context.env().getOrDefault(name, fallback);
    }

    public void log(Object message) {
        context.output().log(String.valueOf(message));
    }

    /** Writes the value as one JSON line to the results stream (stdout). */
    public void json(Object value) {
        String line = JsonLines.write(value);
        var out = context.output().out();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    public <T, R> List<R> parallel(Collection<? extends T> items, int maxConcurrent, Body<? super T, ? extends R> body)
            throws InterruptedException {
        return parallel(items, maxConcurrent, true, body);
    }

    /** {@code tag}: while more than one item runs at a time, each line of a command's output starts with {@code [studio] }. */
    public <T, R> List<R> parallel(Collection<? extends T> items, int maxConcurrent, boolean tag,
                                   Body<? super T, ? extends R> body) throws InterruptedException {
        if (items == null) {
            throw new DslException("parallel: give the items to work on, e.g. parallel(['a', 'b']) { name -> ... }, got null");
        }
        return Parallel.run(new ArrayList<T>(items), maxConcurrent, tag, body, context.output()::log);
    }

    public <T> void parallel(Collection<? extends T> items, int maxConcurrent, Consumer<? super T> body)
            throws InterruptedException {
        parallel(items, maxConcurrent, (Body<T, Object>) item -> {
            body.accept(item);
            return null;
        });
    }

    public <T> T retry(int times, Callable<T> block) throws Exception {
        return retry(RetrySettings.times(times), block);
    }

    public <T> T retry(RetrySettings policy, Callable<T> block) throws Exception {
        return Retry.run(policy, block, context.clock(), context.output()::log);
    }

    public void retry(RetrySettings policy, Runnable block) throws InterruptedException {
        unchecked(() -> retry(policy, () -> {
            block.run();
            return null;
        }));
    }

    public void retry(int times, Runnable block) throws InterruptedException {
        retry(RetrySettings.times(times), block);
    }

    public <T> T timeout(Duration limit, Callable<T> block) throws Exception {
        return Timeout.run(limit, block, context.timeouts());
    }

    public void timeout(Duration limit, Runnable block) throws InterruptedException {
        unchecked(() -> Timeout.run(limit, () -> {
            block.run();
            return null;
        }, context.timeouts()));
    }

    /** Registers an action that runs at exit, on failure and on interrupt (newest first). */
    public Teardown.Action teardown(String description, Runnable action) {
        return context.teardown().add(description, action);
    }

    /** Leaves what guarded teardown actions protect (started studios) running at exit. */
    public void keepRunning() {
        context.teardown().keepRunning();
        context.ownership().releaseAll(); // now, not at exit: a run killed later must not have them stopped
        log("keepRunning(): guarded resources will be left running at exit");
    }

    // --- teamspaces and studios

    /** Selects the teamspace ({@code name} or {@code owner/name}) for the verbs that follow, on every thread. */
    public Teamspace teamspace(String name) {
        Teamspace t = context.session().select(name);
        log("teamspace: " + t.label());
        return t;
    }

    /** Runs {@code block} with the teamspace selected on this thread (and the parallel items it starts). */
    public <R> R teamspace(String name, Callable<R> block) throws Exception {
        return context.session().inTeamspace(name, block);
    }

    public void teamspace(String name, Runnable block) throws InterruptedException {
        unchecked(() -> teamspace(name, () -> {
            block.run();
            return null;
        }));
    }

    /** The teamspace the verbs use now. */
    public Teamspace currentTeamspace() {
        return context.session().teamspace();
    }

    public List<Teamspace> teamspaces() {
        return ClientCalls.call(() -> context.session().client().teamspaces());
    }

    /** The machine slugs lstudio knows, with GPU model and count. */
    public List<Machine> machines() {
        return Machines.known();
    }

    public List<StudioHandle> studios() {
        return studios(Map.of());
    }

    /** {@code studios(running: true)}, also {@code favorite: true}, {@code teamspace: 'other'}. */
    public List<StudioHandle> studios(Map<String, ?> options) {
        Options.check("studios", options, "running", "favorite", "teamspace");
        StudioFilter filter = StudioFilter.all();
        if (Options.flag("studios", options, "running", false)) {
            filter = filter.onlyRunning();
        }
        if (Options.flag("studios", options, "favorite", false)) {
            filter = filter.onlyFavorites();
        }
        String named = Options.text("studios", options, "teamspace", null);
        RunState session = context.session();
        Teamspace team = named == null ? session.teamspace() : session.resolve(named);
        StudioFilter chosen = filter;
        List<StudioHandle> handles = new ArrayList<>();
        ClientCalls.call(() -> session.client().studios(team, chosen)).forEach(s -> handles.add(session.handle(s)));
        return handles;
    }

    /** The studio named {@code name} in the current teamspace; fails listing the existing ones when there is none. */
    public StudioHandle studio(String name) {
        return studio(Map.of(), name);
    }

    /** {@code studio('x', create: true, files: [...])}: created (stopped) when missing. */
    public StudioHandle studio(Map<String, ?> options, String name) {
        return open(options, name, false);
    }

    /** Runs {@code body} on the studio; a studio the body started is stopped if it fails. */
    public void studio(String name, Consumer<StudioHandle> body) throws InterruptedException {
        unchecked(() -> studio(Map.of(), name, (Body<StudioHandle, Object>) handle -> {
            body.accept(handle);
            return null;
        }));
    }

    /**
     * Runs {@code body} on the studio and returns its value. When the body ends with an
     * exception (an interrupt included), the studios it started are stopped at once, unless
     * kept running, and the exception is rethrown.
     */
    public <R> R studio(Map<String, ?> options, String name, Body<StudioHandle, R> body) throws Exception {
        StudioHandle handle;
        try {
            handle = open(options, name, true);
        } catch (RuntimeException failure) {
            throw Failure.about(failure, "studio '" + name + "'");
        }
        context.entered(handle.getName());
        try {
            return body.apply(handle);
        } catch (Throwable failure) { // Groovy closures throw checked exceptions unchecked
            // The API's message names ids; the person reading it wants the studio's name.
            Failure.about(failure, "studio '" + name + "'");
            try {
                handle.blockFailed();
            } catch (Throwable stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw Rethrow.<Exception>rethrow(failure);
        }
    }

    public StudioHandle create(String name) {
        return create(Map.of(), name);
    }

    /**
     * {@code create('x', machine: 'lit-t4-1', files: ['train.py'], displayName: 'X')}: creates the
     * studio; with {@code machine}, also starts it there (and this run will stop it).
     */
    public StudioHandle create(Map<String, ?> options, String name) {
        Options.check("create", options, "machine", "files", "displayName", "cluster");
        String machine = Options.text("create", options, "machine", null);
        StudioHandle handle = context.session().create(SeedFiles.spec("create", name, options));
        if (machine != null) {
            handle.start(machine);
        }
        return handle;
    }

    /** {@code budget(maxHours: 2)}: the machine time of all studios this run starts may not pass it. */
    public void budget(Map<String, ?> options) {
        Options.check("budget", options, "maxHours");
        double hours = Options.number("budget", options, "maxHours", -1);
        if (hours <= 0) {
            throw new DslException("budget: give the most machine time this run may use, e.g. budget(maxHours: 2)");
        }
        budget(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    public void budget(Duration maxMachineTime) {
        context.session().ledger().watchdog().budget(maxMachineTime);
        log("budget: at most " + Durations.format(maxMachineTime) + " of machine time for the studios this run starts");
    }

    private StudioHandle open(Map<String, ?> options, String name, boolean scoped) {
        Options.check("studio", options, "create", "files", "displayName", "cluster");
        if (name == null || name.isBlank()) {
            throw new DslException("studio: give the studio's name, e.g. studio('my-studio')");
        }
        boolean create = Options.flag("studio", options, "create", false);
        if (!create && (options.containsKey("files") || options.containsKey("displayName") || options.containsKey("cluster"))) {
            throw new DslException("studio: files, displayName and cluster apply when creating; add create: true");
        }
        return context.session().open(name, create ? SeedFiles.spec("studio", name, options) : null, scoped);
    }

    /** Runnable bodies cannot throw checked exceptions; only our own waits can (interruption). */
    private static void unchecked(Callable<?> call) throws InterruptedException {
        try {
            call.call();
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new DslException(e.getMessage(), e);
        }
    }
}
