package dev.lstudio.dsl;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.Durations;
import dev.lstudio.client.ExecResult;
import dev.lstudio.client.Failure;
import dev.lstudio.client.KeepAlive;
import dev.lstudio.client.MachinePlan;
import dev.lstudio.client.Machines;
import dev.lstudio.client.Port;
import dev.lstudio.client.Status;
import dev.lstudio.client.Studio;
import dev.lstudio.client.StudioStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One studio, as scripts see it: the delegate of {@code studio('x') { ... }} and what
 * {@code studio('x')} returns. Verbs that change the machine wait until done (unless
 * {@code wait: false}) within the client's default deadlines (or {@code timeout:}); a studio that
 * a verb starts is this run's to stop (see {@link Ledger}). Every method is plain Java, so Java
 * callers use the same handle ({@code handle.start("lit-h100-1")},
 * {@code handle.exec(Map.of("check", false), "make test")}).
 *
 * <p>Past 400 lines on purpose: it is the one handle whose public methods are the verbs Groovy,
 * the compile-time check and completion find by name; each verb here is its options and its
 * messages, and what it does lives in the client, the {@link Ledger} and {@link CommandOutput}.
 */
public final class StudioHandle {
    private final RunState session;
    private final boolean scoped;
    private volatile Studio studio;

    StudioHandle(RunState session, Studio studio, boolean scoped) {
        this.session = session;
        this.studio = studio;
        this.scoped = scoped;
    }

    /** The client's handle, for what the DSL does not cover. */
    public Studio unwrap() {
        return studio;
    }

    public String getName() {
        return studio.name();
    }

    /** The teamspace, as {@code owner/name} when the owner is known. */
    public String getTeamspace() {
        return studio.teamspace().label();
    }

    public String getDisplayName() {
        return studio.displayName();
    }

    public void setDisplayName(String displayName) {
        rename(displayName);
    }

    // --- machine

    /** Starts on {@value Machines#DEFAULT}. */
    public StudioHandle start() {
        return start(Map.of(), null);
    }

    /** {@code start 'lit-h100-1'}. */
    public StudioHandle start(String machine) {
        return start(Map.of(), machine);
    }

    /** {@code start machine: 'lit-h100-1', spot: true, maxRuntime: 3.hours, wait: false, timeout: 20.minutes}. */
    public StudioHandle start(Map<String, ?> options) {
        return start(options, null);
    }

    /**
     * {@code start 'lit-h100-1', spot: true}. Nothing happens when it already runs on that machine;
     * a stop under way is waited for; running on another machine is an error naming both ({@link Studio#planStart}).
     */
    public StudioHandle start(Map<String, ?> options, String machine) {
        Options.check("start", options, "machine", "spot", "maxRuntime", "wait", "timeout");
        String slug = machine != null ? machine.strip() : Options.text("start", options, "machine", Machines.DEFAULT);
        if (slug == null || slug.isBlank()) {
            throw new DslException("start: give a machine, e.g. start 'cpu-4', or start() for " + Machines.DEFAULT);
        }
        boolean spot = Options.flag("start", options, "spot", false);
        Duration maxRuntime = Options.duration("start", options, "maxRuntime", null);
        boolean wait = Options.flag("start", options, "wait", true);
        Duration timeout = Options.duration("start", options, "timeout", defaults().startTimeout());
        if (maxRuntime != null && (maxRuntime.isNegative() || maxRuntime.isZero())) {
            throw new DslException("start: maxRuntime must be more than 0, got " + Durations.format(maxRuntime));
        }
        MachinePlan plan = ClientCalls.call(() -> studio.planStart(slug));
        if (plan.step() == MachinePlan.Step.RUNNING_ELSEWHERE) {
            throw new DslException("studio '" + getName() + "' is running on " + plan.now().machine() + ", not " + plan.machine()
                    + "; stop() it first, or use switchTo '" + plan.machine() + "'");
        }
        if (plan.step() == MachinePlan.Step.NOTHING) {
            String on = plan.now().machine() == null ? "" : " on " + plan.now().machine();
            log("studio '" + getName() + "' is already running" + on);
            return this;
        }
        return carryOut(plan, spot, maxRuntime, wait, timeout, false);
    }

    /**
     * A start the client planned (for {@code start}, or for a {@code switchTo} of a Studio found
     * stopped): what it starts is this run's to stop, recorded before the request goes out.
     */
    private StudioHandle carryOut(MachinePlan plan, boolean spot, Duration maxRuntime, boolean wait, Duration timeout,
                                  boolean switching) {
        boolean starts = plan.startsMachine();
        if (starts) {
            session.ledger().starting(studio, plan.machine(), maxRuntime, scoped ? this : null);
        }
        try (InFlight.Call call = session.inFlight().begin(getName() + ": start on " + plan.machine(),
                "the studio goes on starting; stop() it if you no longer want it"); KeepAlive.Hold beat = keptAlive()) {
            if (wait) {
                // A switch carries on as one if the Studio turns out to run after all (a status that said nothing).
                StudioStatus ready = ClientCalls.call(() -> switching ? studio.switchMachine(plan, timeout)
                        : studio.start(plan, spot, maxRuntime, timeout));
                session.ledger().priced(studio, ready.pricePerHour());
            } else {
                ClientCalls.run(() -> studio.requestStart(plan, spot, maxRuntime));
            }
        } catch (RuntimeException e) {
            if (starts && Failure.refusedByServer(e)) {
                session.ledger().refused(studio);
            }
            throw e;
        }
        return this;
    }

    public StudioHandle stop() {
        return stop(Map.of());
    }

    /** {@code stop(wait: false)}, {@code stop(timeout: 5.minutes)}. */
    public StudioHandle stop(Map<String, ?> options) {
        waitOrNot("stop", options, defaults().stopTimeout(), timeout -> studio.stop(timeout), studio::requestStop);
        session.ledger().stopped(studio);
        return this;
    }

    public StudioHandle restart() {
        return restart(Map.of());
    }

    /** {@code restart(wait: false)}, {@code restart(timeout: 20.minutes)}: same machine, fresh instance. */
    public StudioHandle restart(Map<String, ?> options) {
        waitOrNot("restart", options, defaults().startTimeout(), timeout -> studio.restart(timeout), studio::requestRestart);
        return this;
    }

    /** The options of a verb that waits: {@code wait: false} sends the request only, {@code timeout:} bounds the wait. */
    private static void waitOrNot(String verb, Map<String, ?> options, Duration defaultTimeout,
                                  Consumer<Duration> waiting, Runnable request) {
        Options.check(verb, options, "wait", "timeout");
        boolean wait = Options.flag(verb, options, "wait", true);
        Duration timeout = Options.duration(verb, options, "timeout", defaultTimeout);
        ClientCalls.run(wait ? () -> waiting.accept(timeout) : request);
    }

    /** {@code switchTo 'lit-a100-1'}: moves a running studio (a stopped one is simply started there). */
    public StudioHandle switchTo(String machine) {
        return switchTo(Map.of(), machine);
    }

    /** {@code switchTo 'lit-a100-1', timeout: 30.minutes}. A switch always waits: it must be confirmed once the new machine is ready. */
    public StudioHandle switchTo(Map<String, ?> options, String machine) {
        Options.check("switchTo", options, "timeout");
        if (machine == null || machine.isBlank()) {
            throw new DslException("switchTo: give a machine, e.g. switchTo 'lit-a100-1'");
        }
        Duration timeout = Options.duration("switchTo", options, "timeout", defaults().switchTimeout());
        MachinePlan plan = ClientCalls.call(() -> studio.planSwitch(machine));
        if (plan.startsMachine()) {
            return carryOut(plan, false, null, true, timeout, true);
        }
        if (plan.step() == MachinePlan.Step.NOTHING) {
            return this;
        }
        if (plan.now().machine() != null) {
            session.ledger().switching(studio, plan.now().machine(), scoped ? this : null);
        }
        try (InFlight.Call call = session.inFlight().begin(getName() + ": switch to " + plan.machine(),
                "the server goes on preparing the new machine; run switchTo again to finish the switch, or stop() the studio");
             KeepAlive.Hold beat = keptAlive()) {
            StudioStatus moved;
            try {
                moved = ClientCalls.call(() -> studio.switchMachine(plan, timeout));
            } catch (RuntimeException e) {
                if (Failure.refusedByServer(e)) {
                    session.ledger().refused(studio);
                }
                throw e;
            }
            session.ledger().switched(studio, plan.machine());
            session.ledger().priced(studio, moved.pricePerHour());
        }
        return this;
    }

    /** Keep-alive while a verb works on the studio: a long command is not activity the service sees. */
    private KeepAlive.Hold keptAlive() {
        return session.context().keepAlive().hold(studio);
    }

    /** The status now (one call): STOPPED, PENDING, RUNNING, STOPPING, FAILED or UNKNOWN. */
    public Status getStatus() {
        return ClientCalls.call(studio::status).status();
    }

    /** Whether it runs now (one call). */
    public boolean isRunning() {
        return ClientCalls.call(studio::status).running();
    }

    /** The machine it runs on now, or null when stopped (one call). */
    public String getMachine() {
        StudioStatus now = ClientCalls.call(studio::status);
        return now.stopped() ? null : now.machine();
    }

    // --- commands

    public ExecResult exec(String command) {
        return exec(Map.of(), command);
    }

    /**
     * {@code exec 'make test', check: false, timeout: 10.minutes, echo: false}: runs the command,
     * its output streaming to stdout as it comes (unless {@code echo: false}; inside a
     * {@code parallel} each line is tagged with the studio), and returns output, exit code and
     * duration. A non-zero exit throws {@link CommandFailedException} unless {@code check: false}.
     */
    public ExecResult exec(Map<String, ?> options, String command) {
        Options.check("exec", options, "check", "timeout", "echo");
        boolean check = Options.flag("exec", options, "check", true);
        boolean echo = Options.flag("exec", options, "echo", true);
        Duration timeout = Options.duration("exec", options, "timeout", defaults().execTimeout());
        if (command == null || command.isBlank()) {
            throw new DslException("exec: give a command, e.g. exec 'nvidia-smi'");
        }
        DslContext context = session.context();
        log(getName() + ": exec " + command);
        CommandOutput output = CommandOutput.to(context, echo, Parallel.tagged() ? "[" + getName() + "] " : "");
        ExecResult result;
        try (InFlight.Call call = session.inFlight().begin(getName() + ": exec " + command,
                "the command goes on running on the studio until it ends (the API cannot cancel it)");
             KeepAlive.Hold beat = keptAlive()) {
            result = ClientCalls.call(() -> studio.exec(command, timeout, output), Duration.ZERO);
        } finally {
            output.close();
        }
        ExecFailure failure = result.exitCode() == 0 ? null : ExecFailure.of(getName(), command, result);
        if (check && failure != null) {
            session.ledger().failed(studio, failure); // for the summary; check: false is the script's to handle
        }
        if (context.jsonResults()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("studio", getName());
            json.put("command", command);
            json.put("exitCode", result.exitCode());
            json.put("durationSeconds", result.duration().toMillis() / 1000.0);
            json.put("output", result.output());
            if (failure != null) {
                json.put("reason", failure.reason());
                json.put("lastLines", failure.lastLines());
            }
            Dsl.create(context).json(json);
        }
        if (check && failure != null) {
            throw new CommandFailedException(failure, result);
        }
        return result;
    }

    // --- files: there whether the studio runs or not (FileVerbs)

    /** {@code upload 'train.py'}: to the studio's root, by its name. */
    public Transferred upload(String local) {
        return fileVerbs().upload(Map.of(), local);
    }

    /** {@code upload 'src/', to: 'project/src', parallel: 4, skipSame: false, ignore: false}. */
    public Transferred upload(Map<String, ?> options, String local) {
        return fileVerbs().upload(options, local);
    }

    /** {@code download 'out/metrics.json'}: into the working directory, by its name. */
    public Transferred download(String remote) {
        return fileVerbs().download(Map.of(), remote);
    }

    /** {@code download 'checkpoints/', to: 'ckpt/', parallel: 4, skipSame: false}. */
    public Transferred download(Map<String, ?> options, String remote) {
        return fileVerbs().download(options, remote);
    }

    /** The entries at the studio's root. */
    public List<StudioFile> files() {
        return fileVerbs().files(Map.of(), "");
    }

    public List<StudioFile> files(String folder) {
        return fileVerbs().files(Map.of(), folder);
    }

    /** {@code files(recursive: true)}: every file under the root. */
    public List<StudioFile> files(Map<String, ?> options) {
        return fileVerbs().files(options, "");
    }

    /** {@code files('out/', recursive: true)}. */
    public List<StudioFile> files(Map<String, ?> options, String folder) {
        return fileVerbs().files(options, folder);
    }

    /** {@code remove 'tmp/'}: a file, or a folder and all under it. */
    public StudioHandle remove(String remote) {
        fileVerbs().remove(remote);
        return this;
    }

    private FileVerbs fileVerbs() {
        return new FileVerbs(session, studio);
    }

    // --- the studio itself

    /** Deletes the studio and its files, for good. */
    public void delete() {
        ClientCalls.run(studio::delete);
        session.ledger().stopped(studio);
        log("deleted studio '" + getName() + "'");
    }

    public StudioHandle fork(String newName) {
        return fork(Map.of(), newName);
    }

    /** {@code fork('copy', machine: 'cpu-4', teamspace: 'other')}: waits until the copy is ready and returns it. */
    public StudioHandle fork(Map<String, ?> options, String newName) {
        Options.check("fork", options, "machine", "teamspace");
        String machine = Options.text("fork", options, "machine", null);
        String team = Options.text("fork", options, "teamspace", null);
        var target = team == null ? studio.teamspace() : session.resolve(team);
        return session.handle(ClientCalls.call(() -> studio.fork(newName, target, machine)));
    }

    /** Sets the display name (what lightning.ai shows); the name stays. */
    public StudioHandle rename(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new DslException("rename: give the new display name, e.g. rename 'Nightly training'");
        }
        studio = ClientCalls.call(() -> studio.rename(displayName));
        return this;
    }

    /** The studio's environment variables now (one call). */
    public Map<String, String> getEnv() {
        return ClientCalls.call(studio::env);
    }

    /** {@code env FOO: 'bar', DEBUG: '1'}: sets these variables, keeping the others. */
    public StudioHandle env(Map<String, ?> variables) {
        Map<String, String> given = new LinkedHashMap<>();
        variables.forEach((name, value) -> given.put(String.valueOf(name), value == null ? "" : value.toString()));
        studio = ClientCalls.call(() -> studio.putEnv(given));
        return this;
    }

    /** {@code autoSleep(after: 30.minutes)}: stop by itself after that long unused. */
    public StudioHandle autoSleep(Map<String, ?> options) {
        Options.check("autoSleep", options, "after");
        Duration after = Options.duration("autoSleep", options, "after", null);
        if (after == null || after.isNegative() || after.isZero()) {
            throw new DslException("autoSleep: give how long it may stay unused, e.g. autoSleep(after: 30.minutes)");
        }
        ClientCalls.run(() -> studio.autoSleep(after));
        return this;
    }

    /** {@code autoSleep(false)}: never stop by itself (the server requires a paid plan). */
    public StudioHandle autoSleep(boolean enabled) {
        if (enabled) {
            throw new DslException("autoSleep: say after how long, e.g. autoSleep(after: 30.minutes)");
        }
        ClientCalls.run(studio::disableAutoSleep);
        return this;
    }

    /** Tells the server it is in use, so auto-sleep does not stop it yet. */
    public StudioHandle keepAlive() {
        ClientCalls.run(studio::keepAlive);
        return this;
    }

    /** Leaves this studio running when the script ends, even if this run started it. */
    public StudioHandle keepRunning() {
        session.ledger().keep(studio);
        log("keepRunning(): studio '" + getName() + "' will be left running at exit");
        return this;
    }

    // --- plugins

    /** The ids of the plugins installed now. */
    public List<String> getPlugins() {
        List<String> ids = new ArrayList<>();
        ClientCalls.call(studio::plugins).forEach(p -> ids.add(p.id()));
        return ids;
    }

    public StudioHandle install(String plugin) {
        ClientCalls.call(() -> studio.installPlugin(plugin));
        return this;
    }

    public StudioHandle uninstall(String plugin) {
        ClientCalls.run(() -> studio.uninstallPlugin(plugin));
        return this;
    }

    public PluginHandle plugin(String plugin) {
        return new PluginHandle(studio, plugin);
    }

    // --- ports

    public Port expose(int port) {
        return expose(Map.of(), port);
    }

    /** {@code expose 8080, name: 'app', public: true}: an HTTPS endpoint for the port (private to the teamspace by default). */
    public Port expose(Map<String, ?> options, int port) {
        Options.check("expose", options, "name", "public");
        String label = Options.text("expose", options, "name", null);
        boolean open = Options.flag("expose", options, "public", false);
        return ClientCalls.call(() -> studio.exposePort(port, label, open));
    }

    /** The ports exposed now. */
    public List<Integer> getPorts() {
        List<Integer> ports = new ArrayList<>();
        for (Port p : ClientCalls.call(studio::ports)) {
            ports.addAll(p.numbers());
        }
        return ports;
    }

    public StudioHandle unexpose(int port) {
        List<Port> exposed = ClientCalls.call(studio::ports);
        Port match = exposed.stream().filter(p -> p.numbers().contains(port)).findFirst()
                .orElseThrow(() -> new DslException("unexpose: port " + port + " is not exposed on studio '" + getName()
                        + "'; exposed: " + (exposed.isEmpty() ? "none" : exposed.stream().flatMap(p -> p.numbers().stream())
                        .map(String::valueOf).collect(Collectors.joining(", ")))));
        ClientCalls.run(() -> studio.removePort(match.id()));
        return this;
    }

    // --- for the block that owns this handle

    /** The block ended with an exception: stop what it started (unless kept running). */
    void blockFailed() {
        session.ledger().stopNow(session.ledger().startedIn(this), false);
    }

    private ClientOptions defaults() {
        return session.client().options();
    }

    private void log(String message) {
        session.context().output().log(message);
    }

    /** What {@code json(studio)} and {@code json(studios())} write: the listed state, no calls. */
    @JsonValue
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", getName());
        m.put("teamspace", getTeamspace());
        m.put("status", studio.listedStatus().name());
        m.put("machine", studio.listedMachine());
        return m;
    }

    @Override
    public String toString() {
        return "studio '" + getName() + "' in teamspace '" + getTeamspace() + "'";
    }
}
