package dev.lstudio.dsl;

import dev.lstudio.client.Machine;
import dev.lstudio.client.Teamspace;
import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Base class of every lstudio script (set by {@link ScriptCompiler#configuration()}). Each
 * verb is a real method, so IDEs and static checking see the language; the work is done by
 * {@link Dsl}, the Java face, so scripts and Java callers behave alike.
 *
 * <p>The run's {@link DslContext} travels in the script's {@link Binding} (see
 * {@link #binding(DslContext)}), which works the same for the runner (one script) and the
 * REPL (one binding shared by every line).
 *
 * <pre>{@code
 * studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }
 * }</pre>
 */
public abstract class LstudioScript extends Script {
    /** Binding variable that carries the context; the leading underscores keep it out of the way. */
    static final String CONTEXT_VARIABLE = "__lstudioContext";

    protected LstudioScript() {
    }

    protected LstudioScript(Binding binding) {
        super(binding);
    }

    /** A binding for scripts of this run: carries the context and sends {@code println} to its output. */
    public static Binding binding(DslContext context) {
        Binding binding = new Binding();
        binding.setVariable(CONTEXT_VARIABLE, context);
        binding.setVariable("out", context.output().out());
        return binding;
    }

    /** The run's context; a script started without one (plain GroovyShell) gets the system's. */
    public final DslContext context() {
        Binding binding = getBinding();
        synchronized (binding) {
            if (!binding.hasVariable(CONTEXT_VARIABLE)) {
                binding.setVariable(CONTEXT_VARIABLE, DslContext.system());
            }
            return (DslContext) binding.getVariable(CONTEXT_VARIABLE);
        }
    }

    private Dsl dsl() {
        return Dsl.create(context());
    }

    /** The script's command-line arguments ({@code lstudio run FILE a b} gives {@code ['a', 'b']}). */
    public List<String> getArgs() {
        return context().args();
    }

    public String env(String name) {
        return dsl().env(name);
    }

    public String env(String name, String fallback) {
        return dsl().env(name, fallback);
    }

    public void log(Object message) {
        dsl().log(message);
    }

    public void json(Object value) {
        dsl().json(value);
    }

    /** {@code parallel(names) { name -> ... }}: at most 8 at a time; results in the items' order. */
    public List<Object> parallel(Collection<?> items, Closure<?> body) throws InterruptedException {
        return parallel(Map.of(), items, body);
    }

    /** {@code parallel(names, maxConcurrent: 4, tag: false) { name -> ... }}. */
    public List<Object> parallel(Map<String, ?> options, Collection<?> items, Closure<?> body)
            throws InterruptedException {
        Options.check("parallel", options, "maxConcurrent", "tag");
        int maxConcurrent = Options.integer("parallel", options, "maxConcurrent", 8);
        boolean tag = Options.flag("parallel", options, "tag", true);
        return dsl().parallel(items, maxConcurrent, tag, (Dsl.Body<Object, Object>) body::call);
    }

    /** {@code retry(3) { ... }}: up to 3 attempts, 1 s backoff doubling, with jitter. */
    public Object retry(int times, Closure<?> body) throws Exception {
        return dsl().retry(times, (Callable<Object>) body::call);
    }

    /** {@code retry(times: 3, backoff: 2.seconds, maxBackoff: 1.minutes) { ... }}. */
    public Object retry(Map<String, ?> options, Closure<?> body) throws Exception {
        return dsl().retry(RetrySettings.fromOptions(options), (Callable<Object>) body::call);
    }

    /** {@code timeout(10.minutes) { ... }}: interrupts the block and fails when the limit passes. */
    public Object timeout(Duration limit, Closure<?> body) throws Exception {
        return dsl().timeout(limit, (Callable<Object>) body::call);
    }

    /** {@code teardown('remove temp files') { ... }}: runs at exit, on failure and on interrupt. */
    public Teardown.Action teardown(String description, Closure<?> action) {
        return dsl().teardown(description, action::call);
    }

    public Teardown.Action teardown(Closure<?> action) {
        return teardown("teardown block", action);
    }

    /** Leaves started studios running when the script ends. */
    public void keepRunning() {
        dsl().keepRunning();
    }

    // --- teamspaces, studios, machines

    /** {@code teamspace('research')} or {@code teamspace('owner/research')}: used by the verbs that follow. */
    public Teamspace teamspace(String name) {
        return dsl().teamspace(name);
    }

    /** {@code teamspace('research') { ... }}: the block (and the parallel items it starts) use that teamspace. */
    public Object teamspace(String name, Closure<?> body) throws Exception {
        return dsl().teamspace(name, (Callable<Object>) body::call);
    }

    public List<Teamspace> teamspaces() {
        return dsl().teamspaces();
    }

    public List<Teamspace> getTeamspaces() {
        return teamspaces();
    }

    /** The known machine slugs with GPU model and count. */
    public List<Machine> machines() {
        return dsl().machines();
    }

    public List<Machine> getMachines() {
        return machines();
    }

    public List<StudioHandle> studios() {
        return dsl().studios();
    }

    public List<StudioHandle> getStudios() {
        return studios();
    }

    /** {@code studios(running: true)}. */
    public List<StudioHandle> studios(Map<String, ?> options) {
        return dsl().studios(options);
    }

    /** {@code def s = studio('my-studio')}: a handle on an existing studio. */
    public StudioHandle studio(String name) {
        return dsl().studio(name);
    }

    /** {@code studio('my-studio', create: true)}. */
    public StudioHandle studio(Map<String, ?> options, String name) {
        return dsl().studio(options, name);
    }

    /**
     * {@code studio('my-studio') { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }}: the block runs
     * with the studio as delegate; what it started is stopped if it fails.
     */
    public Object studio(String name,
                         @DelegatesTo(value = StudioHandle.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body)
            throws Exception {
        return studio(Map.of(), name, body);
    }

    /** {@code studio('my-studio', create: true) { ... }}. */
    public Object studio(Map<String, ?> options, String name,
                         @DelegatesTo(value = StudioHandle.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body)
            throws Exception {
        return dsl().studio(options, name, (Dsl.Body<StudioHandle, Object>) handle -> {
            Closure<?> block = body.rehydrate(handle, body.getOwner(), body.getThisObject());
            block.setResolveStrategy(Closure.DELEGATE_FIRST);
            return block.call(handle);
        });
    }

    public StudioHandle create(String name) {
        return dsl().create(name);
    }

    /** {@code create('my-studio', machine: 'lit-t4-1', files: ['train.py'])}. */
    public StudioHandle create(Map<String, ?> options, String name) {
        return dsl().create(options, name);
    }

    /** {@code budget(maxHours: 2)}: stop everything this run started once it used that much machine time. */
    public void budget(Map<String, ?> options) {
        dsl().budget(options);
    }
}
