package dev.lstudio.repl;

import groovy.lang.Binding;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.runtime.MethodClosure;

/**
 * The studio that bare verbs act on at the prompt, chosen by {@code :use NAME} or a line
 * {@code use('NAME')}: then {@code start 'cpu-4'}, {@code exec 'nvidia-smi'} and {@code stop()}
 * work as inside a {@code studio('NAME') { ... }} block, the way the README writes them. Each
 * studio verb is a closure in the snippets' binding (a script looks a missing method up there),
 * so no parsing is needed; with no studio chosen the closure says how to choose one and which
 * names TAB would offer, instead of Groovy's MissingMethodException.
 */
final class CurrentStudio {
    private final Session session;
    private final Supplier<List<Verb>> verbs;
    private final Supplier<List<Suggestion>> studios;
    private final Set<String> installed = new TreeSet<>();
    private volatile String name;
    private volatile Object handle;

    CurrentStudio(Session session, Supplier<List<Verb>> verbs, Supplier<List<Suggestion>> studios) {
        this.session = session;
        this.verbs = verbs;
        this.studios = studios;
    }

    /** Puts a closure for each studio-only verb into the binding; the verbs of scripts keep their own methods. */
    void install(Binding binding) {
        for (Verb v : verbs.get()) {
            if (v.where() == Verb.Where.STUDIO && !binding.hasVariable(v.name())) {
                binding.setVariable(v.name(), new MethodClosure(new Call(v.name()), "call"));
                installed.add(v.name());
            }
        }
    }

    /** {@code :use NAME} makes a studio current, {@code :use} alone clears it; TAB after it offers the studio names. */
    void register(MetaCommands commands, ReplOutput console) {
        org.jline.reader.Completer names = (reader, line, out) -> studios.get().forEach(s -> out.add(
                new org.jline.reader.Candidate(s.value(), s.value(), "studios", s.description().isEmpty() ? null : s.description(),
                        null, null, true)));
        commands.add(":use", ":use [STUDIO]", "make a studio current, so start, exec, stop... work bare; alone: clear it",
                names, argument -> {
                    Object opened = use(argument);
                    if (opened == null) {
                        console.note("no current studio; studio verbs need studio('NAME') or :use NAME");
                    } else {
                        console.result(opened);
                    }
                    return MetaCommands.Outcome.CONTINUE;
                });
    }

    /** The binding names that are these closures, not the user's variables. */
    Set<String> names() {
        return Set.copyOf(installed);
    }

    /** Makes {@code studioName} current and returns its handle; blank clears. */
    Object use(String studioName) throws Exception {
        if (studioName == null || studioName.isBlank()) {
            name = null;
            handle = null;
            return null;
        }
        Object opened = session.openStudio(studioName.strip());
        handle = opened;
        name = studioName.strip();
        return opened;
    }

    /** The current studio's name, or null. */
    String name() {
        return name;
    }

    /** {@code use('NAME')} or {@code use 'NAME'} alone on a line: the name; else null (so {@code use(Category) {}} stays Groovy's). */
    static String used(String line) {
        java.util.regex.Matcher m = USE.matcher(line);
        return m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static final java.util.regex.Pattern USE =
            java.util.regex.Pattern.compile("\\s*use\\s*(?:\\(\\s*)?(?:'([^']*)'|\"([^\"$]*)\")\\s*\\)?\\s*;?\\s*");

    /** One bare verb: calls it on the current studio's handle. */
    final class Call {
        private final String verb;

        Call(String verb) {
            this.verb = verb;
        }

        public Object call(Object... args) {
            Object target = handle;
            if (target == null) {
                throw new ReplException(verb + " needs a studio: :use NAME (or use('NAME')) chooses one"
                        + ", or write studio('NAME')." + verb + "(...)" + known());
            }
            // Some verbs are properties of a handle (status, machine, ports): status() reads them.
            if (args.length == 0 && InvokerHelper.getMetaClass(target).respondsTo(target, verb).isEmpty()) {
                return InvokerHelper.getProperty(target, verb);
            }
            return InvokerHelper.invokeMethod(target, verb, args);
        }
    }

    private String known() {
        List<String> names;
        try {
            names = studios.get().stream().map(Suggestion::value).collect(Collectors.toList());
        } catch (RuntimeException e) {
            return "";
        }
        return names.isEmpty() ? "" : "; studios here: " + String.join(", ", names);
    }
}
