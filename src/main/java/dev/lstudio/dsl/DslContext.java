package dev.lstudio.dsl;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything one run of a script (or one REPL session) works with: its arguments and
 * environment, where output goes, progress display, the teardown registry, how to sleep,
 * and the global options the runner parsed. Built once by the runner (or the REPL) and
 * injected into every script through {@link LstudioScript#binding(DslContext)}.
 *
 * <p>This is the seam for the studio verbs: the client facade (and, with {@code --emulator},
 * the embedded emulator's address) joins here as one more builder property, and the verbs in
 * {@link LstudioScript} reach it through {@code context()}. See {@code package-info.java}.
 */
public final class DslContext {
    private final List<String> args;
    private final Map<String, String> env;
    private final Output output;
    private final Progress progress;
    private final Teardown teardown;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final String teamspace;
    private final boolean jsonResults;

    private DslContext(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = Map.copyOf(b.env);
        this.output = b.output;
        this.progress = b.progress;
        this.teardown = b.teardown != null ? b.teardown : Teardown.create(output::log);
        this.sleeper = b.sleeper;
        this.random = b.random;
        this.teamspace = b.teamspace;
        this.jsonResults = b.jsonResults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** System streams and environment, no arguments: for Java callers and JShell. */
    public static DslContext system() {
        return builder().env(System.getenv()).output(Output.of(System.out, System.err)).build();
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public Output output() {
        return output;
    }

    public Progress progress() {
        return progress;
    }

    public Teardown teardown() {
        return teardown;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    DoubleSupplier random() {
        return random;
    }

    /** {@code --teamspace} as given, or null: the studio verbs resolve the default. */
    public String teamspace() {
        return teamspace;
    }

    /** {@code --json}: verbs that return results should print them as JSON lines. */
    public boolean jsonResults() {
        return jsonResults;
    }

    public static final class Builder {
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private Output output = Output.of(System.out, System.err);
        private Progress progress = Progress.silent();
        private Teardown teardown;
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private String teamspace;
        private boolean jsonResults;

        private Builder() {
        }

        public Builder args(List<String> args) {
            this.args = Objects.requireNonNull(args, "args");
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        public Builder output(Output output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public Builder output(PrintStream out, PrintStream err) {
            return output(Output.of(out, err));
        }

        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** A registry the runner also holds, so its signal handler can run it. */
        public Builder teardown(Teardown teardown) {
            this.teardown = Objects.requireNonNull(teardown, "teardown");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Source of jitter in [0, 1) for backoff; tests pin it. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder teamspace(String teamspace) {
            this.teamspace = teamspace;
            return this;
        }

        public Builder jsonResults(boolean jsonResults) {
            this.jsonResults = jsonResults;
            return this;
        }

        public DslContext build() {
            return new DslContext(this);
        }
    }
}
