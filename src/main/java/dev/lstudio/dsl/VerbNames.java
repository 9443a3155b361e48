package dev.lstudio.dsl;

import groovy.lang.Closure;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a call can resolve to, read from the classes themselves so that a new verb needs no
 * list: the DSL's verbs (public methods of {@link LstudioScript} and {@link StudioHandle}, getters
 * as their property) and everything Groovy adds (Script's methods, the GDK, a closure's own).
 */
final class VerbNames {

    /** What {@link CallCheck} asks of a place: every name that resolves there, and the verbs to suggest. */
    record Known(Set<String> all, Set<String> verbs) {
    }

    private static final class Loaded {
        static final Set<String> SCRIPT_VERBS = verbs(LstudioScript.class);
        static final Set<String> HANDLE_VERBS = verbs(StudioHandle.class);
        static final Known SCRIPT = known(SCRIPT_VERBS, LstudioScript.class, Closure.class);
        static final Known HANDLE = known(HANDLE_VERBS, StudioHandle.class);
        static final Known STUDIO = union(SCRIPT, HANDLE);
    }

    private VerbNames() {
    }

    /** At the script's level, in its methods and in closures that keep their owner. */
    static Known inScript() {
        return Loaded.SCRIPT;
    }

    /** Inside {@code studio('x') { ... }}: the handle first, then the script. */
    static Known inStudio() {
        return Loaded.STUDIO;
    }

    /** On {@code studio('x').verb()}: the handle only. */
    static Known onHandle() {
        return Loaded.HANDLE;
    }

    private static Set<String> verbs(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                out.add(m.getName());
                property(m.getName()).ifPresent(out::add);
            }
        }
        out.remove("context");
        return Set.copyOf(out);
    }

    private static Known known(Set<String> verbs, Class<?>... types) {
        Set<String> all = new HashSet<>(verbs);
        for (Class<?> type : types) {
            MetaClass meta = GroovySystem.getMetaClassRegistry().getMetaClass(type);
            for (MetaMethod m : meta.getMethods()) {
                all.add(m.getName());
            }
            for (MetaMethod m : meta.getMetaMethods()) {
                all.add(m.getName());
            }
            for (MetaProperty p : meta.getProperties()) {
                all.add(p.getName());
            }
        }
        return new Known(Set.copyOf(all), verbs);
    }

    private static Known union(Known a, Known b) {
        Set<String> all = new HashSet<>(a.all());
        all.addAll(b.all());
        Set<String> verbs = new HashSet<>(a.verbs());
        verbs.addAll(b.verbs());
        return new Known(Set.copyOf(all), Set.copyOf(verbs));
    }

    /** {@code getStatus} as {@code status}, {@code isRunning} as {@code running}. */
    private static java.util.Optional<String> property(String method) {
        for (String prefix : new String[] {"get", "is"}) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return java.util.Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
            }
        }
        return java.util.Optional.empty();
    }
}
