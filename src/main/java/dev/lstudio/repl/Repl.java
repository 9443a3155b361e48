package dev.lstudio.repl;

import dev.lstudio.dsl.JsonLines;
import groovy.lang.Binding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.widget.AutosuggestionWidgets;
import org.jline.utils.AttributedStyle;

/**
 * The interactive loop: read a line (or a multi-line snippet), run it, print the result, again
 * until the user quits. Ctrl-C at the prompt clears the line; Ctrl-C while something runs stops it;
 * Ctrl-D or {@code :exit} quits, after offering to stop studios this session started.
 *
 * <pre>{@code
 * Repl.builder().terminal(t).evaluator(e).completion(c).help(h).session(s).build().run();
 * }</pre>
 */
public final class Repl {

    private final Terminal terminal;
    private final LineReader reader;
    private final ReplOutput console;
    private final MetaCommands commands;
    private final Evaluator evaluator;
    private final Evaluations evaluations;
    private final Session session;
    private final Secrets secrets;
    private final Leaving leaving;
    private final CurrentStudio current;
    private volatile boolean bareVerbs;
    private boolean emptyInterrupt;
    private final SessionTools tools;

    private Repl(Builder b, Evaluator evaluator, CompletionData data) {
        this.terminal = b.terminal;
        this.evaluator = evaluator;
        this.session = b.session;
        this.secrets = new Secrets(b.redactor);
        this.console = new ReplOutput(terminal, secrets, b.renderer, b.jsonEncoder, b.json, b.debug);
        this.evaluations = new Evaluations(terminal, b.interruptGrace, () -> quietly(() -> {
            session.interrupting();
            return null;
        }));
        this.leaving = new Leaving(terminal, console, session, this::interruptible);
        RedactingHistory history = new RedactingHistory(secrets, console::note);
        this.commands = new MetaCommands(console, session, b.help == null ? HelpSource.fromVerbs(data) : b.help,
                data, history, evaluator);
        this.current = new CurrentStudio(session, data::verbs, data::studios);
        current.register(commands, console);
        this.tools = new SessionTools(console, session, this::userVariables, this::runEdited, history, b.editor);
        tools.register(commands);
        Supplier<Set<String>> verbNames = () -> data.verbs().stream().map(Verb::name).collect(Collectors.toSet());
        LineReaderBuilder lrb = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lstudio")
                .parser(new ReplParser())
                .completer(new ReplCompleter(data, this::userNames, commands.completer(), current::name))
                .highlighter(new GroovyHighlighter(verbNames))
                .history(history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P %M> ")
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_GROUP, true)
                .option(LineReader.Option.GROUP, true);
        if (b.historyFile != null && RedactingHistory.prepare(b.historyFile, console::note)) {
            lrb.variable(LineReader.HISTORY_FILE, b.historyFile);
        }
        this.reader = lrb.build();
        if (b.autosuggestions && console.colour()) {
            // Grey suggestions from history as you type (fish, zsh-autosuggestions); right arrow takes one.
            new AutosuggestionWidgets(reader).enable();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs until the user quits; closes the terminal on the way out. */
    public void run() {
        Terminal.SignalHandler previous = terminal.handle(Signal.INT, Terminal.SignalHandler.SIG_IGN);
        try {
            console.note("lstudio: Groovy with the lstudio DSL. :help lists commands, TAB completes, Ctrl-D quits.");
            if (quietly(session::teamspace) == null) {
                PromptRefresh.watch(reader, () -> quietly(session::teamspace), this::prompt);
            }
            loop();
        } finally {
            terminal.handle(Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                console.note("history not saved: " + e.getMessage());
            }
            try {
                terminal.close();
            } catch (IOException e) {
                // Nothing left to tell the user on a terminal that will not close.
            }
        }
    }

    private void loop() {
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt(), rightPrompt(), (Character) null, null);
            } catch (UserInterruptException e) {
                // groovysh and IPython users press Ctrl-C twice to leave: tell them what does.
                if (e.getPartialLine().isEmpty() && emptyInterrupt) {
                    console.note("Ctrl-C only clears the line; Ctrl-D, exit or :q quits");
                }
                emptyInterrupt = e.getPartialLine().isEmpty();
                continue;
            } catch (EndOfFileException e) {
                if (leaving.leave()) {
                    return;
                }
                continue;
            }
            emptyInterrupt = false;
            if (step(line) == MetaCommands.Outcome.QUIT && leaving.leave()) {
                return;
            }
        }
    }

    /** One accepted input: a meta-command or a snippet. Runs on a worker so that Ctrl-C can stop it. */
    MetaCommands.Outcome step(String line) {
        if (line.isBlank()) {
            return MetaCommands.Outcome.CONTINUE;
        }
        if (Leaving.asked(line)) {
            return MetaCommands.Outcome.QUIT;
        }
        if (secrets.sensitive(line)) {
            console.note("(not kept in history: the line holds a credential)");
        }
        String used = CurrentStudio.used(line);
        String command = used != null ? ":use " + used : line;
        Object outcome = interruptible(() -> ReplParser.isMetaCommand(command)
                ? commands.execute(command)
                : ran(command, evaluate(command)));
        return outcome == MetaCommands.Outcome.QUIT ? MetaCommands.Outcome.QUIT : MetaCommands.Outcome.CONTINUE;
    }

    /** The studio verbs become bare closures on the first snippet, not before the first prompt (they read the reference). */
    private Object evaluate(String source) throws Exception {
        if (!bareVerbs && evaluator instanceof GroovyEvaluator groovy) {
            current.install(groovy.binding());
            bareVerbs = true;
        }
        return evaluator.evaluate(source);
    }

    /** A snippet that worked: kept for :save (unless it holds a credential), its value in _, then printed. */
    private Object ran(String line, Object value) {
        if (!secrets.sensitive(line)) {
            tools.ran(line, current.name());
        }
        if (value != null && evaluator instanceof GroovyEvaluator groovy) {
            groovy.binding().setVariable(SessionTools.LAST, value);
        }
        return printed(value);
    }

    /** What :edit brings back from the editor runs as if typed (it is already on the worker). */
    private Object runEdited(String source) {
        try {
            return ran(source, evaluate(source));
        } catch (Exception e) {
            console.error(e);
            return null;
        }
    }

    /** The user's variables for :vars and :inspect: the binding without the DSL's plumbing and the bare verbs. */
    private java.util.Map<String, Object> userVariables() {
        java.util.Map<String, Object> vars = new java.util.TreeMap<>();
        if (evaluator instanceof GroovyEvaluator groovy) {
            Set<String> hidden = current.names();
            for (String name : evaluator.names()) {
                if (!name.startsWith("__") && !name.equals("out") && !hidden.contains(name)) {
                    vars.put(name, groovy.binding().getVariable(name));
                }
            }
        }
        return vars;
    }

    /** The snippets' names for TAB, without the closures of the bare studio verbs (they complete as verbs). */
    private Set<String> userNames() {
        Set<String> names = new java.util.TreeSet<>(evaluator.names());
        names.removeAll(current.names());
        return names;
    }

    private Object printed(Object value) {
        console.result(value);
        return null;
    }

    /** Runs work on a worker; prints its error or the interruption; returns its value or null. */
    private Object interruptible(java.util.concurrent.Callable<Object> work) {
        try {
            return evaluations.run(work);
        } catch (Evaluations.Interrupted e) {
            String more = session.afterInterrupt();
            console.note(e.getMessage() + (more == null || more.isBlank() ? "" : ". " + more));
        } catch (Throwable t) {
            console.error(t);
        }
        return null;
    }

    private String prompt() {
        AttributedStringBuilder p = new AttributedStringBuilder().styled(AttributedStyle.BOLD, "lstudio");
        String teamspace = quietly(session::teamspace);
        if (teamspace != null && !teamspace.isBlank()) {
            p.append(' ').styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), teamspace);
        }
        String studio = current.name();
        if (studio != null) {
            p.append(teamspace != null && !teamspace.isBlank() ? "/" : " ")
                    .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), studio);
        }
        p.append("> ");
        return console.colour() ? p.toAnsi(terminal) : p.toString();
    }

    private String rightPrompt() {
        Integer running = quietly(session::runningCount);
        if (running == null || running <= 0) {
            return null;
        }
        AttributedStringBuilder r = new AttributedStringBuilder()
                .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), running + " running");
        return console.colour() ? r.toAnsi(terminal) : r.toString();
    }

    /** The prompt must never fail: a session that cannot answer just shows less. */
    private static <T> T quietly(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    LineReader reader() {
        return reader;
    }

    public static final class Builder {
        private Terminal terminal;
        private Evaluator evaluator;
        private CompletionData completion = CompletionData.none();
        private HelpSource help;
        private Session session = Session.none();
        private ValueRenderer renderer = TableRenderer.builder().build();
        private Path historyFile;
        private UnaryOperator<String> redactor = Secrets.NONE;
        private boolean json;
        private boolean debug;
        private Function<Object, String> jsonEncoder;
        private Duration interruptGrace = Duration.ofSeconds(3);
        private boolean autosuggestions = true;
        private String editor = System.getenv("VISUAL") != null ? System.getenv("VISUAL") : System.getenv("EDITOR");

        private Builder() {
        }

        /** Required; the REPL closes it when the user quits. */
        public Builder terminal(Terminal terminal) {
            this.terminal = Objects.requireNonNull(terminal, "terminal");
            return this;
        }

        /** Default: a {@link GroovyEvaluator} with a plain configuration whose {@code println} writes to the terminal. */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        public Builder completion(CompletionData completion) {
            this.completion = Objects.requireNonNull(completion, "completion");
            return this;
        }

        /** Default: the verbs' summaries from the completion data. */
        public Builder help(HelpSource help) {
            this.help = Objects.requireNonNull(help, "help");
            return this;
        }

        public Builder session(Session session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        public Builder renderer(ValueRenderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /** Where history persists ({@code lstudio repl} passes {@code Dirs.history()}); null or unset keeps it in memory only. */
        public Builder historyFile(Path historyFile) {
            this.historyFile = historyFile;
            return this;
        }

        /**
         * Masks the credentials the caller holds without handing them over ({@code Credentials::redact},
         * wherever the key came from): a line it changes never enters history, and errors are shown
         * masked. Default: nothing to mask.
         */
        public Builder redactor(UnaryOperator<String> redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /** Start with results printed as JSON ({@code --json}). */
        public Builder json(boolean json) {
            this.json = json;
            return this;
        }

        /** How a value becomes JSON for {@code :json on}; the wiring passes the api's one mapper. */
        public Builder jsonEncoder(Function<Object, String> jsonEncoder) {
            this.jsonEncoder = Objects.requireNonNull(jsonEncoder, "jsonEncoder");
            return this;
        }

        /** Start with full stack traces ({@code --debug}). */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /** How long an interrupted evaluation may take to stop before the prompt comes back without it. */
        public Builder interruptGrace(Duration grace) {
            this.interruptGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** Grey suggestions from history as you type, on terminals that show colour (default on). */
        public Builder autosuggestions(boolean on) {
            this.autosuggestions = on;
            return this;
        }

        /** The command {@code :edit} runs on a file (a shell word list); default {@code $VISUAL}, else {@code $EDITOR}. */
        public Builder editor(String editor) {
            this.editor = editor;
            return this;
        }

        public Repl build() {
            Objects.requireNonNull(terminal, "terminal: Repl.builder().terminal(t) is required");
            if (jsonEncoder == null) {
                jsonEncoder = JsonLines::write;
            }
            Evaluator e = evaluator != null ? evaluator : defaultEvaluator(terminal);
            return new Repl(this, e, completion);
        }

        private static Evaluator defaultEvaluator(Terminal terminal) {
            Binding binding = new Binding();
            binding.setVariable("out", new PrintWriter(terminal.writer(), true));
            return GroovyEvaluator.forDsl(binding);
        }
    }
}
