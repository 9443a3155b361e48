package dev.lstudio.repl;

import dev.lstudio.dsl.ScriptCompiler;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.util.ConcurrentModificationException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * Evaluates snippets on one {@link GroovyShell} and keeps state between them the way groovysh
 * does: top-level declarations ({@code def x = 1}, {@code String s = 'a'}) become binding
 * variables, methods defined in a snippet stay callable through the binding, classes stay in the
 * shell's class loader, and imports are added to every later snippet. The configuration is the
 * DSL's ({@link ScriptCompiler#configuration()}), whose loops check for interruption, so Ctrl-C
 * stops {@code while (true) {}} too.
 */
public final class GroovyEvaluator implements Evaluator {

    private final GroovyShell shell;
    private final Binding binding;
    private final SnippetState state;

    private GroovyEvaluator(CompilerConfiguration base, Binding binding) {
        this.binding = binding;
        this.state = new SnippetState();
        // A copy, so that the caller's configuration (the DSL's one) is not changed by the REPL.
        CompilerConfiguration config = new CompilerConfiguration(base);
        if (config.getCompilationCustomizers().isEmpty()) {
            config.addCompilationCustomizers(base.getCompilationCustomizers().toArray(new CompilationCustomizer[0]));
        }
        config.addCompilationCustomizers(state);
        this.shell = new GroovyShell(GroovyEvaluator.class.getClassLoader(), binding, config);
    }

    /** An evaluator with the DSL's configuration and an empty binding. */
    public static GroovyEvaluator create() {
        return forDsl(new Binding());
    }

    /**
     * An evaluator with the DSL's configuration on {@code binding}, whose variables (what earlier
     * lines defined, methods included) count as names for the DSL's check of each line's calls.
     */
    public static GroovyEvaluator forDsl(Binding binding) {
        Objects.requireNonNull(binding, "binding");
        return create(ScriptCompiler.configuration(() -> variables(binding)), binding);
    }

    /**
     * An evaluator on the caller's configuration (the DSL's script base class and imports) and
     * binding (where the caller may put {@code out} and the DSL's own variables). The DSL's check
     * of calls knows only the names its configuration was given: for the DSL, {@link #forDsl}.
     */
    public static GroovyEvaluator create(CompilerConfiguration config, Binding binding) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(binding, "binding");
        return new GroovyEvaluator(config, binding);
    }

    @Override
    public Object evaluate(String source) {
        Objects.requireNonNull(source, "source");
        Script script;
        boolean classesOnly;
        synchronized (state) {
            state.begin();
            try {
                script = shell.parse(source);
                state.commit();
            } finally {
                state.end();
            }
            for (String method : state.lastMethods()) {
                binding.setVariable(method, new MethodClosure(script, method));
            }
            classesOnly = state.lastDeclaredClassesOnly();
        }
        // Compiling defined the classes in the shell's loader; running a class would look for main().
        return classesOnly ? null : script.run();
    }

    @Override
    public Set<String> names() {
        return variables(binding);
    }

    private static Set<String> variables(Binding binding) {
        try {
            return new TreeSet<String>(binding.getVariables().keySet());
        } catch (ConcurrentModificationException e) {
            // An abandoned evaluation is still writing; completion (or the check) can do without names this once.
            return Set.of();
        }
    }

    /** The binding shared by all snippets. */
    public Binding binding() {
        return binding;
    }
}
