package dev.lstudio.dsl;

import groovy.lang.GroovyClassLoader;
import groovy.transform.ThreadInterrupt;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Compiles script text to class bytes. Holds THE CompilerConfiguration factory: the runner,
 * the cache and the REPL all take their configuration from {@link #configuration()}.
 * Kept apart from {@link CompiledScript} and {@link ScriptCache} so that a cache hit never
 * loads the Groovy compiler.
 */
public final class ScriptCompiler {
    private final AtomicInteger compilations = new AtomicInteger();

    private ScriptCompiler() {
    }

    public static ScriptCompiler create() {
        return new ScriptCompiler();
    }

    /**
     * A fresh configuration (it is mutable, so never shared): {@link LstudioScript} as the
     * script base class, the DSL's types and {@code java.time.Duration} imported, and loops and
     * closures that check for interruption ({@link ThreadInterrupt}), so that a signal or a
     * limit ends {@code while (true) {}} at once, in a run as at the prompt. What Groovy cannot
     * reach (its own {@code sleep}, which swallows interrupts) the runner's signal guard ends.
     * And the {@link CallCheck}: a call that resolves to nothing is a compile error, before any
     * Studio is started.
     */
    public static CompilerConfiguration configuration() {
        return configuration(Set::of);
    }

    /**
     * The same, where the code may also call {@code knownNames} (asked at each compilation): the
     * REPL's binding variables, which earlier lines defined.
     */
    public static CompilerConfiguration configuration(Supplier<? extends Collection<String>> knownNames) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(LstudioScript.class.getName());
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        config.setSourceEncoding("UTF-8");
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports(LstudioScript.class.getPackageName());
        imports.addImports(java.time.Duration.class.getName());
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class),
                new CallCheck(knownNames));
        return config;
    }

    /** Compiles {@code text} as a script class named {@code className}. */
    public CompiledScript compile(String className, String text) {
        compilations.incrementAndGet();
        CompilerConfiguration config = configuration();
        GroovyClassLoader loader = new GroovyClassLoader(LstudioScript.class.getClassLoader(), config);
        CompilationUnit unit = new CompilationUnit(config, null, loader);
        unit.addSource(className + ".groovy", text);
        try {
            unit.compile(Phases.CLASS_GENERATION);
        } catch (MultipleCompilationErrorsException e) {
            throw new ScriptCompileException(CompileProblems.of(e, text), e);
        } catch (CompilationFailedException e) {
            throw new ScriptCompileException(List.of(new ScriptCompileException.Problem(0, 0, e.getMessage())), e);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        unit.getClasses().forEach(c -> classes.put(c.getName(), c.getBytes()));
        if (!classes.containsKey(className)) {
            throw new ScriptCompileException(List.of(new ScriptCompileException.Problem(1, 1,
                    "the script declares classes but has no statements to run")), null);
        }
        return CompiledScript.of(className, classes);
    }

    /** How many times this compiler compiled (the cache's tests and metrics read it). */
    public int compilations() {
        return compilations.get();
    }
}
