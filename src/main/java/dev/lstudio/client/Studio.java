package dev.lstudio.client;

import dev.lstudio.api.AddEndpointRequest;
import dev.lstudio.api.CloudSpace;
import dev.lstudio.api.CloudSpaceState;
import dev.lstudio.api.ComputeConfig;
import dev.lstudio.api.EnvVar;
import dev.lstudio.api.FailedPreconditionException;
import dev.lstudio.api.ForkRequest;
import dev.lstudio.api.Plugin;
import dev.lstudio.api.SleepConfigRequest;
import dev.lstudio.api.UpdateCloudSpaceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One Studio in one teamspace: a handle holding its identity and what it was listed with
 * (the {@code listed...} getters, which make no call); every other method calls the API afresh. Methods that change the machine wait
 * until the change is done (with the timeouts of {@link ClientOptions} unless given), report
 * progress to the client's {@link Progress}, and throw {@link WaitTimeoutException} or
 * {@link StudioFailedException} when it does not happen. Thread-safe.
 *
 * <p>A little over 400 lines: it is the one handle of a Studio, one short method per verb of the
 * service; the logic behind the verbs lives in {@link Lifecycle}, {@link CommandRunner} and the like.
 */
public final class Studio {
    private final Context context;
    private final Teamspace teamspace;
    private final CloudSpace info;
    private final Lifecycle lifecycle;

    Studio(Context context, Teamspace teamspace, CloudSpace info) {
        this.context = context;
        this.teamspace = teamspace;
        this.info = info;
        this.lifecycle = new Lifecycle(context, teamspace.projectId(), info.id(), info.name());
    }

    public Teamspace teamspace() {
        return teamspace;
    }

    public String id() {
        return info.id();
    }

    public String name() {
        return info.name();
    }

    public String displayName() {
        return info.displayName();
    }

    /** Where and as whom this handle calls the API (the ledger of owned studios records both). */
    dev.lstudio.api.LightningApi api() {
        return context.api();
    }

    /** The user who owns the Studio, as listed; null when the server did not say. */
    public String userId() {
        return info.userId();
    }

    /**
     * The Studio's record as the server sends it now (one call), as maps and lists of JSON values,
     * for a person who wants to see everything ({@code :inspect} in the REPL); fields this client
     * does not know are not in it.
     */
    public Map<String, Object> record() {
        return dev.lstudio.api.Json.mapper().convertValue(current(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    /** The status as it was listed, without a call. */
    public Status listedStatus() {
        return Status.of(info.phase());
    }

    /**
     * The machine as listed, without a call: the one in use when an instance runs, else the one
     * it is set to start on; null when the server said neither. The REPL's table, {@code json} of a
     * studio and the shell's lists all mean this by "machine".
     */
    /** The status as listed, without a call (the list's embedded codeStatus); stopped when it has none. */
    public StudioStatus listed() {
        return StudioStatus.of(info.codeStatus());
    }

    public String listedMachine() {
        if (info.codeStatus() != null && info.codeStatus().inUse() != null && info.codeStatus().inUse().machine() != null) {
            return info.codeStatus().inUse().machine();
        }
        return info.codeConfig() == null || info.codeConfig().computeConfig() == null
                ? null : info.codeConfig().computeConfig().name();
    }

    /** The status now (one call). */
    public StudioStatus status() {
        return StudioStatus.of(lifecycle.codeStatus());
    }

    /** A new handle with the Studio's current details. */
    public Studio refresh() {
        return new Studio(context, teamspace, context.api().getCloudspace(teamspace.projectId(), id()));
    }

    // --- machine

    /** Starts on {@value Machines#DEFAULT} and waits until ready. */
    public StudioStatus start() {
        return start(Machines.DEFAULT);
    }

    /**
     * Starts on {@code machine} and waits until ready; already running there is nothing to do,
     * running elsewhere a {@link RunningElsewhereException} (switch with {@link #switchMachine(String)}).
     */
    public StudioStatus start(String machine) {
        return start(machine, false, null, context.options().startTimeout());
    }

    /**
     * Starts on {@code machine}, on a spot (interruptible) instance when {@code spot}, for at most
     * {@code maxRuntime} (null: the server's default), waiting up to {@code timeout}. A null
     * machine means {@value Machines#DEFAULT}.
     */
    public StudioStatus start(String machine, boolean spot, Duration maxRuntime, Duration timeout) {
        return start(planStart(machine), spot, maxRuntime, timeout);
    }

    /** What a start on {@code machine} (null: {@value Machines#DEFAULT}) would do now: one status call. */
    public MachinePlan planStart(String machine) {
        return lifecycle.planStart(slug(machine));
    }

    /** What a switch to {@code machine} would do now: one status call. */
    public MachinePlan planSwitch(String machine) {
        return lifecycle.planSwitch(slug(machine));
    }

    /** Carries out {@code plan} (from {@link #planStart}) and waits until ready; throws {@link RunningElsewhereException} for that step. */
    public StudioStatus start(MachinePlan plan, boolean spot, Duration maxRuntime, Duration timeout) {
        return lifecycle.start(plan, machine(plan, spot, maxRuntime), timeout);
    }

    /**
     * Asks the server to start on {@code machine} and returns without waiting until it runs
     * (it does wait for a stop under way to finish). Nothing happens when it is up or starting.
     */
    public void requestStart(String machine, boolean spot, Duration maxRuntime) {
        requestStart(planStart(machine), spot, maxRuntime);
    }

    /** As {@link #requestStart(String, boolean, Duration)}, for a plan from {@link #planStart}. */
    public void requestStart(MachinePlan plan, boolean spot, Duration maxRuntime) {
        lifecycle.requestStart(plan, machine(plan, spot, maxRuntime), context.options().stopTimeout());
    }

    private static String slug(String machine) {
        return Machines.slug(machine);
    }

    private static ComputeConfig machine(MachinePlan plan, boolean spot, Duration maxRuntime) {
        return new ComputeConfig(plan.machine(), spot, maxRuntime == null ? null : maxRuntime.toSeconds());
    }

    /** Asks the server to stop and returns without waiting until it has. */
    public void requestStop() {
        lifecycle.requestStop();
    }

    /** Asks the server to restart in place and returns without waiting. */
    public void requestRestart() {
        context.api().restart(teamspace.projectId(), id());
    }

    public StudioStatus stop() {
        return stop(context.options().stopTimeout());
    }

    public StudioStatus stop(Duration timeout) {
        return lifecycle.stop(timeout);
    }

    public StudioStatus restart() {
        return restart(context.options().startTimeout());
    }

    public StudioStatus restart(Duration timeout) {
        return lifecycle.restart(timeout);
    }

    public StudioStatus switchMachine(String machine) {
        return switchMachine(machine, context.options().switchTimeout());
    }

    /** Moves it to {@code machine}; a Studio stopped, stopping or FAILED is started there. */
    public StudioStatus switchMachine(String machine, Duration timeout) {
        return switchMachine(planSwitch(machine), timeout);
    }

    /** Carries out {@code plan}, from {@link #planSwitch}. */
    public StudioStatus switchMachine(MachinePlan plan, Duration timeout) {
        return lifecycle.switchTo(plan, new ComputeConfig(plan.machine(), false, null), timeout);
    }

    /** Tells the server the Studio is in use, so auto-sleep does not stop it (the SDK sends this every 30 s). */
    public void keepAlive() {
        context.api().keepAlive(teamspace.projectId(), id());
    }

    // --- commands

    public ExecResult exec(String command) {
        return exec(command, context.options().execTimeout(), null);
    }

    public ExecResult exec(String command, Consumer<String> output) {
        return exec(command, context.options().execTimeout(), output);
    }

    /**
     * Runs {@code command} in the Studio's shell, handing each new piece of output to
     * {@code output} as it arrives (null: collect only). Throws {@link CommandTimeoutException}
     * after {@code timeout}. A non-zero exit code is returned, not thrown.
     */
    public ExecResult exec(String command, Duration timeout, Consumer<String> output) {
        try {
            return new CommandRunner(context).run(teamspace.projectId(), id(), name(), command, timeout, output);
        } catch (FailedPreconditionException e) {
            StudioStatus now = status();
            if (now.ready() && !now.switching()) {
                throw e; // refused for another reason than its state: the server's words
            }
            throw NotReadyException.forExec(name(), now, listedMachine(), e);
        }
    }

    // --- settings
    // The live update is a full replace: each change reads the Studio and sends back every field
    // of the update body it has, with the one change, so that changing one thing clears nothing else.

    /** Changes the name shown on lightning.ai ({@code displayName}); everything else is kept. */
    public Studio rename(String newDisplayName) {
        return update(body -> body.withDisplayName(newDisplayName));
    }

    /** The Studio's environment variables now (one call); a secret's value is as the server shows it. */
    public Map<String, String> env() {
        Map<String, String> vars = new LinkedHashMap<>();
        current().envVars().forEach(v -> vars.put(v.name(), v.value()));
        return vars;
    }

    /** Replaces the Studio's environment variables with exactly {@code variables}; other settings are kept. */
    public Studio setEnv(Map<String, String> variables) {
        List<EnvVar> vars = variables.entrySet().stream().map(e -> new EnvVar(e.getKey(), e.getValue()))
                .collect(Collectors.toList());
        return update(body -> body.withEnv(vars));
    }

    /**
     * Sets {@code variables} (a null value removes that one) and keeps every other variable as it
     * is, secrets included.
     */
    public Studio putEnv(Map<String, String> variables) {
        return update(body -> {
            Map<String, EnvVar> merged = new LinkedHashMap<>();
            body.env().forEach(v -> merged.put(v.name(), v));
            variables.forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, new EnvVar(name, value));
                }
            });
            return body.withEnv(new ArrayList<>(merged.values()));
        });
    }

    /** The auto-sleep idle limit as listed (no call), or null when auto-sleep is off or not said. */
    public Duration listedAutoSleep() {
        var config = info.codeConfig();
        if (config == null || Boolean.TRUE.equals(config.disableAutoShutdown()) || config.idleShutdownSeconds() == null
                || config.idleShutdownSeconds() <= 0) {
            return null;
        }
        return Duration.ofSeconds(config.idleShutdownSeconds());
    }

    /** The Studio's {@code userMetadata} now (one call); null when it has none. */
    public String userMetadata() {
        return current().userMetadata();
    }

    /**
     * Replaces {@code userMetadata} with what {@code change} makes of it as just read; every other
     * field is kept, and nothing is sent when the text stays the same.
     */
    public Studio updateUserMetadata(UnaryOperator<String> change) {
        return update(body -> {
            String next = change.apply(body.userMetadata());
            return java.util.Objects.equals(next, body.userMetadata()) ? null : body.withUserMetadata(next);
        });
    }

    /** Auto-sleep as the Studio has it now (one call). */
    public SleepSettings sleepSettings() {
        CloudSpace now = current();
        return now.codeConfig() == null ? new SleepSettings(null, null)
                : new SleepSettings(now.codeConfig().disableAutoShutdown(), now.codeConfig().idleShutdownSeconds());
    }

    /** Puts auto-sleep back to {@code settings} (from {@link #sleepSettings()}). */
    public void sleep(SleepSettings settings) {
        sleepConfig(Boolean.TRUE.equals(settings.disableAutoShutdown()), settings.idleShutdownSeconds());
    }

    /** Stops the Studio after {@code idle} without use. */
    public void autoSleep(Duration idle) {
        sleepConfig(false, idle.toSeconds());
    }

    /** Never auto-sleep (the server requires a paid plan for this). */
    public void disableAutoSleep() {
        sleepConfig(true, null);
    }

    /** The flat live body; switchToDefaultMachineOnIdle goes back as the Studio has it, so it is not cleared. */
    private void sleepConfig(boolean disable, Long idleSeconds) {
        CloudSpace now = current();
        Long idle = idleSeconds;
        if (idle == null && now.codeConfig() != null) {
            idle = now.codeConfig().idleShutdownSeconds();
        }
        context.api().sleepConfig(teamspace.projectId(), id(),
                new SleepConfigRequest(disable, idle, now.switchToDefaultMachineOnIdle()));
    }

    private CloudSpace current() {
        return context.api().getCloudspace(teamspace.projectId(), id());
    }

    private Studio update(UnaryOperator<UpdateCloudSpaceRequest> change) {
        UpdateCloudSpaceRequest body = change.apply(UpdateCloudSpaceRequest.of(current()));
        if (body == null) {
            return this; // no change: nothing to send
        }
        CloudSpace updated = context.api().updateCloudspace(teamspace.projectId(), id(), body);
        context.studiosChanged().changed(teamspace, StudiosChanged.same());
        return new Studio(context, teamspace, updated.id() == null ? info : updated);
    }

    // --- copies and removal

    public Studio fork(String newName) {
        return fork(newName, teamspace, null);
    }

    /**
     * Duplicates into {@code target} and waits until the copy is READY; then, when a
     * {@code machine} is given, starts the copy on it and waits until it runs (the live fork
     * takes no machine).
     */
    public Studio fork(String newName, Teamspace target, String machine) {
        StudioNames.check(newName);
        boolean here = target.projectId().equals(teamspace.projectId());
        CloudSpace copy = context.api().fork(teamspace.projectId(), id(),
                new ForkRequest(newName, target.projectId(), here ? info.clusterId() : null));
        context.studiosChanged().changed(target, StudiosChanged.added(new StudioSummary(newName, Status.of(copy.phase()))));
        CloudSpace ready = context.waiter().until(newName, "fork", context.options().startTimeout(),
                () -> context.api().getCloudspace(target.projectId(), copy.id()),
                cs -> cs.state() == CloudSpaceState.DELETED ? Waiter.Verdict.FAILED
                        : cs.state() == null || cs.state() == CloudSpaceState.READY ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT,
                cs -> String.valueOf(cs.state()));
        Studio forked = new Studio(context, target, ready);
        if (machine != null && !machine.isBlank()) {
            forked.start(machine);
        }
        return forked;
    }

    /** Deletes the Studio and all its files, for good. */
    public void delete() {
        context.api().deleteCloudspace(teamspace.projectId(), id());
        context.studiosChanged().changed(teamspace, StudiosChanged.removed(name()));
    }

    // --- plugins and ports

    public List<PluginInfo> plugins() {
        return context.api().installedPlugins(teamspace.projectId(), id()).stream().map(PluginInfo::of)
                .collect(Collectors.toList());
    }

    /** Installs a plugin; a {@link PluginFailedException} when the server's answer does not say it worked. */
    public PluginInfo installPlugin(String pluginId) {
        return checked("installing", pluginId, context.api().installPlugin(teamspace.projectId(), id(), pluginId));
    }

    public void uninstallPlugin(String pluginId) {
        checked("uninstalling", pluginId, context.api().uninstallPlugin(teamspace.projectId(), id(), pluginId));
    }

    public PluginInfo runPlugin(String pluginId) {
        return checked("running", pluginId, context.api().executePlugin(teamspace.projectId(), id(), pluginId));
    }

    /** The live service answers 200 whether a plugin call worked or not: the answer's state and error tell. */
    private PluginInfo checked(String doing, String pluginId, Plugin answer) {
        if (answer.succeeded()) {
            return PluginInfo.of(answer);
        }
        String why = answer.error() != null && !answer.error().isBlank() ? answer.error()
                : "the server answered state " + (answer.state() == null ? "(none)" : "'" + answer.state() + "'");
        throw new PluginFailedException(doing + " plugin '" + pluginId + "' in " + this + " failed: "
                + why.replaceAll("\\s*\\R\\s*", " ").strip(), pluginId, answer.state());
    }

    /** Ports listening inside the running Studio. */
    public List<String> openPorts() {
        return context.api().openPorts(teamspace.projectId(), id()).ports();
    }

    /** Exposes {@code port} of this Studio as an HTTPS endpoint named {@code label}. */
    public Port exposePort(int port, String label) {
        return Port.of(context.api().addEndpoint(teamspace.projectId(), AddEndpointRequest.port(id(), port, label)));
    }

    /**
     * As {@link #exposePort(int, String)}. The live endpoint has no public/private type (who may
     * reach it is set on lightning.ai), so a public one asked for gets a warning that the choice
     * was not sent, rather than a silent promise.
     */
    public Port exposePort(int port, String label, boolean publicAccess) {
        if (publicAccess) {
            context.warn().accept("port " + port + " of " + this + ": public access was not sent: the live service"
                    + " takes no private/public choice for an endpoint; set who may reach it on lightning.ai");
        }
        return exposePort(port, label);
    }

    /** This Studio's exposed ports (asked with {@code ?cloudspaceId=}; any of other Studios still left out). */
    public List<Port> ports() {
        return context.api().endpoints(teamspace.projectId(), id()).stream()
                .filter(e -> e.studioId() == null || id().equals(e.studioId()))
                .map(Port::of)
                .collect(Collectors.toList());
    }

    public void removePort(String endpointId) {
        context.api().deleteEndpoint(teamspace.projectId(), endpointId);
    }

    /** The Studio's files (there whether it runs or not). */
    public StudioFiles files() {
        return new StudioFiles(context, teamspace.projectId(), info.id(), info.clusterId(), info.name());
    }

    @Override
    public String toString() {
        return "studio '" + name() + "' in teamspace '" + teamspace.label() + "'";
    }
}
