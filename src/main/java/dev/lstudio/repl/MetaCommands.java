package dev.lstudio.repl;

import dev.lstudio.client.Nearest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.History;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * The REPL's {@code :commands}: each one's name, usage, summary, how its argument completes and what
 * it does. The read loop only hands lines over; completion of these lines is built from this model.
 */
final class MetaCommands {

    enum Outcome { CONTINUE, QUIT }

    @FunctionalInterface
    interface Action {
        Outcome run(String argument) throws Exception;
    }

    record Command(String name, String usage, String summary, Completer argument, Action action) {
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final ReplOutput console;
    private final Session session;
    private final HelpSource help;
    private final History history;
    private final Evaluator evaluator;

    MetaCommands(ReplOutput console, Session session, HelpSource help, CompletionData data, History history,
                 Evaluator evaluator) {
        this.console = console;
        this.session = session;
        this.help = help;
        this.history = history;
        this.evaluator = evaluator;
        Completer teamspaces = (reader, line, out) -> data.teamspaces().forEach(s ->
                out.add(new Candidate(s.value(), s.value(), null, s.description().isEmpty() ? null : s.description(), null, null, true)));
        add(":help", ":help [VERB]", "list the commands and verbs, or explain one", this::helpTopics, this::help);
        add(":load", ":load FILE", "evaluate a Groovy file in this session", new Completers.FileNameCompleter(), this::load);
        add(":teamspace", ":teamspace [NAME]", "show or switch the current teamspace", teamspaces, this::teamspace);
        add(":studios", ":studios", "list the studios of the current teamspace", null, a -> print(session.studios()));
        add(":json", ":json on|off", "print results as JSON, or as text", new StringsCompleter("on", "off"), this::json);
        add(":debug", ":debug", "toggle full stack traces for errors", null, a -> toggleDebug());
        add(":history", ":history", "list the history (lines holding credentials are never kept)", null, a -> history());
        add(":clear", ":clear", "clear the screen", null, a -> clear());
        add(":exit", ":exit", "leave (so do :quit, :q, exit, quit and Ctrl-D)", null, a -> Outcome.QUIT);
        add(":quit", ":quit", "leave, as :exit", null, a -> Outcome.QUIT);
        add(":q", ":q", "leave, as :exit", null, a -> Outcome.QUIT);
    }

    /** Adds a command kept elsewhere (the current studio's {@code :use}); listed after these. */
    void add(String name, String usage, String summary, Completer argument, Action action) {
        commands.put(name, new Command(name, usage, summary, argument, action));
    }

    Collection<Command> all() {
        return commands.values();
    }

    /** Runs a {@code :command} line; an unknown command is a one-line error, not an exception. */
    Outcome execute(String line) throws Exception {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        Command command = commands.get(name);
        if (command == null) {
            console.error("unknown command '" + name + "'; :help lists the commands");
            return Outcome.CONTINUE;
        }
        return command.action().run(argument);
    }

    /** JLine completers composed from the commands: the names, then each command's argument. */
    Completer completer() {
        List<Completer> each = new ArrayList<>();
        for (Command c : commands.values()) {
            Completer name = new StringsCompleter(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true));
            each.add(c.argument() == null
                    ? new ArgumentCompleter(name, NullCompleter.INSTANCE)
                    : new ArgumentCompleter(name, c.argument(), NullCompleter.INSTANCE));
        }
        return new AggregateCompleter(each);
    }

    private void helpTopics(org.jline.reader.LineReader reader, org.jline.reader.ParsedLine line, List<Candidate> out) {
        help.summaries().forEach((verb, summary) ->
                out.add(new Candidate(verb, verb, "verbs", summary.isEmpty() ? null : summary, null, null, true)));
        commands.values().forEach(c -> out.add(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true)));
    }

    private Outcome help(String topic) {
        if (topic.isEmpty()) {
            AttributedStringBuilder out = new AttributedStringBuilder();
            out.styled(AttributedStyle.BOLD, "Commands").append('\n');
            int width = commands.values().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
            commands.values().forEach(c -> out.append("  ").append(pad(c.usage(), width)).append("  ")
                    .append(c.summary()).append('\n'));
            Map<String, String> verbs = help.summaries();
            if (!verbs.isEmpty()) {
                out.styled(AttributedStyle.BOLD, "Verbs").append(" (:help VERB for more)").append('\n');
                int w = verbs.keySet().stream().mapToInt(String::length).max().orElse(0);
                verbs.forEach((verb, summary) -> out.append("  ").append(pad(verb, w)).append("  ").append(summary).append('\n'));
            }
            out.append("TAB completes; Ctrl-C stops what runs; Ctrl-D quits.");
            console.print(out.toAttributedString());
            return Outcome.CONTINUE;
        }
        Command command = commands.get(topic.startsWith(":") ? topic : ":" + topic);
        String text = help.text(topic).orElse(null);
        if (text != null) {
            console.line(text.strip());
        } else if (command != null) {
            console.line(command.usage() + "  " + command.summary());
        } else {
            // The same "did you mean" as the compile-time check of a line gives for the verb.
            List<String> topics = new ArrayList<>(help.summaries().keySet());
            topics.addAll(commands.keySet());
            console.error("no help for '" + topic + "'" + Nearest.likely(topic, topics)
                    .map(n -> " (did you mean '" + n + "'?)").orElse("") + "; :help lists the verbs and commands");
        }
        return Outcome.CONTINUE;
    }

    private Outcome load(String argument) throws Exception {
        if (argument.isEmpty()) {
            console.error("usage: :load FILE");
            return Outcome.CONTINUE;
        }
        Path file = Path.of(argument.startsWith("~/") ? System.getProperty("user.home") + argument.substring(1) : argument);
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            console.error("no such file: " + file);
            return Outcome.CONTINUE;
        }
        console.result(evaluator.evaluate(source));
        return Outcome.CONTINUE;
    }

    private Outcome teamspace(String name) throws Exception {
        if (name.isEmpty()) {
            String current = session.teamspace();
            console.line(current == null ? "no teamspace chosen; :teamspace NAME chooses one" : current);
            return Outcome.CONTINUE;
        }
        session.useTeamspace(name);
        console.note("teamspace: " + session.teamspace());
        return Outcome.CONTINUE;
    }

    private Outcome print(Object value) {
        console.result(value);
        return Outcome.CONTINUE;
    }

    private Outcome json(String argument) {
        switch (argument.toLowerCase(Locale.ROOT)) {
            case "on" -> console.json(true);
            case "off" -> console.json(false);
            case "" -> {
            }
            default -> {
                console.error("usage: :json on|off");
                return Outcome.CONTINUE;
            }
        }
        console.note("json output " + (console.json() ? "on" : "off"));
        return Outcome.CONTINUE;
    }

    private Outcome toggleDebug() {
        console.debug(!console.debug());
        console.note("debug " + (console.debug() ? "on: errors show their full stack trace" : "off"));
        return Outcome.CONTINUE;
    }

    private Outcome history() {
        int width = String.valueOf(Math.max(history.last(), 1)).length();
        for (History.Entry e : history) {
            console.line(pad(String.valueOf(e.index() + 1), width) + "  " + e.line().replace("\n", "\n" + " ".repeat(width + 2)));
        }
        return Outcome.CONTINUE;
    }

    private Outcome clear() {
        console.terminal().puts(Capability.clear_screen);
        console.terminal().flush();
        return Outcome.CONTINUE;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
