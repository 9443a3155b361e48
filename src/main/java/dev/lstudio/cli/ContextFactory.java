package dev.lstudio.cli;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.Credentials;
import dev.lstudio.api.Environment;
import dev.lstudio.api.LightningApi;
import dev.lstudio.api.SettingException;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.Dirs;
import dev.lstudio.client.KeepAlive;
import dev.lstudio.client.LeaseSettings;
import dev.lstudio.client.Leases;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Ownership;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.Teardown;
import dev.lstudio.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@link DslContext} for one run from the parsed options, with its API client: from
 * the credentials in the environment or {@code ~/.lightning/credentials.json}, built when a
 * script first needs it (so scripts without studio verbs run offline and without credentials);
 * with {@code --debug}, its HTTP log (key redacted) goes to the debug lines. With
 * {@code --emulator} an embedded emulator starts here, for this run only, and the client talks
 * to it instead (LIGHTNING_* variables are then ignored, so nothing reaches lightning.ai).
 */
final class ContextFactory {
    private ContextFactory() {
    }

    /** Where {@code --emulator} keeps its state; unset, a fresh temporary folder deleted after the run. */
    static final String EMULATOR_STATE_VAR = "LSTUDIO_EMULATOR_STATE";

    /** One run's context and what must be closed after its teardown. */
    static final class Run implements AutoCloseable {
        final DslContext context;
        private final Emulator emulator;
        private final Leases leases;

        private Run(DslContext context, Emulator emulator, Leases leases) {
            this.context = context;
            this.emulator = emulator;
            this.leases = leases;
        }

        @Override
        public void close() {
            if (leases != null) {
                leases.close();
            }
            if (context.clientBuilt()) {
                context.client().close();
            }
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /** The run cannot be set up: a setting is not valid, or the embedded emulator did not start (port, state folder in use). */
    static final class SetupFailed extends RuntimeException {
        SetupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * For an interactive session: its studios are recorded as owned by "lstudio repl", and what
     * {@code files()} lists goes to {@code listings} (completion of paths in a studio).
     */
    static Run create(GlobalOptions options, List<String> args, Map<String, String> env,
                      Console console, Teardown teardown, DslContext.Listings listings) {
        return create(options, args, env, console, teardown, "lstudio repl", true, listings);
    }

    /**
     * The studios the run starts are recorded on disk, in the ledger of owned studios (see
     * {@link Ownership}) as owned by this process running {@code owner} (a script's name),
     * except with {@code --emulator}: its embedded emulator ends with the process and brings
     * every studio back stopped, so nothing can be left running.
     */
    static Run create(GlobalOptions options, List<String> args, Map<String, String> env,
                      Console console, Teardown teardown, String owner) {
        return create(options, args, env, console, teardown, owner, false, (studio, folder, entries) -> { });
    }

    private static Run create(GlobalOptions options, List<String> args, Map<String, String> env,
                              Console console, Teardown teardown, String owner, boolean interactive,
                              DslContext.Listings listings) {
        Duration keepAlive;
        LeaseSettings leaseSettings;
        try {
            keepAlive = KeepAlive.period(env);
            leaseSettings = LeaseSettings.from(env, keepAlive);
        } catch (IllegalArgumentException e) {
            throw new SetupFailed(e.getMessage(), null);
        }
        if (interactive) {
            // The REPL beats a Studio only while a verb works on it: the switch would stop one between verbs.
            leaseSettings = new LeaseSettings(leaseSettings.lease(), null);
        }
        Environment environment = Environment.of(env, Dirs.userHome(env));
        if (!options.emulator) {
            checkSettings(environment);
        }
        Emulator emulator = options.emulator ? startEmulator(env, console) : null;
        Supplier<LightningClient> client = emulator == null
                ? () -> fromEnvironment(environment, options, console)
                : () -> client(ApiConfig.of(emulator.baseUrl(), Credentials.of(emulator.userId(), emulator.apiKey())),
                        Environment.of(Map.of(), environment.home()), options, console);
        String teamspace = options.teamspace != null || emulator != null ? options.teamspace : env.get("LIGHTNING_TEAMSPACE");
        // Leases and the dead man's switch for every studio a run comes to own; none with
        // --emulator, whose studios end with the process.
        Leases leases = emulator != null ? null : Leases.of(leaseSettings, w -> console.log("warning: " + w));
        Ownership ownership = emulator != null ? Ownership.inMemory()
                : Ownership.in(Dirs.from(env).owned(), owner, w -> console.log("warning: " + w)).withLeases(leases);
        DslContext context = DslContext.builder()
                .args(args)
                .env(env)
                .output(console)
                .progress(console.progress())
                .transfers(studio -> new TransferProgress(console, studio, options.json))
                .workingDir(options.workingDir())
                .listings(listings)
                .teardown(teardown)
                .ownership(ownership)
                .client(client)
                .teamspace(teamspace)
                .jsonResults(options.json)
                .interactive(interactive)
                .keepAlivePeriod(keepAlive)
                .build();
        return new Run(context, emulator, leases);
    }

    /**
     * A LIGHTNING_CLOUD_URL lstudio cannot use is told before the script runs, so a cron job
     * fails before it does anything (and not later as if the credentials were wrong).
     */
    private static void checkSettings(Environment environment) {
        try {
            ApiConfig.cloudUrl(environment);
        } catch (SettingException e) {
            throw new SetupFailed(e.getMessage(), e);
        }
    }

    /** Short delays, so waits show their progress without slowing the run down. */
    private static Emulator startEmulator(Map<String, String> env, Console console) {
        String state = env.get(EMULATOR_STATE_VAR);
        Path stateDir = state == null || state.isBlank() ? null : Path.of(state);
        Emulator emulator;
        try {
            emulator = Emulator.builder().strict(true).port(0).stateDir(stateDir).teamspace("demo")
                    .startDelay(Duration.ofMillis(500)).stopDelay(Duration.ofMillis(200))
                    .switchDelay(Duration.ofMillis(500)).forkDelay(Duration.ofMillis(200))
                    .build().start();
        } catch (RuntimeException e) {
            throw new SetupFailed("--emulator: the embedded emulator did not start: " + e.getMessage(), e);
        }
        console.redaction().add(mask(Credentials.of(emulator.userId(), emulator.apiKey())));
        console.log("--emulator: using the embedded Studios emulator at " + emulator.baseUrl() + " (teamspace demo, "
                + (stateDir == null ? "state discarded after the run" : "state kept in " + stateDir)
                + "); nothing reaches lightning.ai");
        return emulator;
    }

    /**
     * Masks the key the client will use, wherever it comes from (the credentials file too); with
     * no usable credentials (the first verb says so), a key on its own is still masked. With
     * {@code --emulator}, {@link #create} adds the emulator's own key when it starts.
     */
    static Redaction redaction(Map<String, String> env) {
        Redaction redaction = Redaction.none();
        try {
            redaction.add(mask(Credentials.resolve(null, null, Environment.of(env, Dirs.userHome(env)), w -> { })));
        } catch (RuntimeException e) {
            String key = env.get("LIGHTNING_API_KEY");
            if (key != null && !key.isBlank()) {
                redaction.add(mask(Credentials.of("-", key)));
            }
        }
        return redaction;
    }

    private static Redaction.Mask mask(Credentials credentials) {
        return new Redaction.Mask() {
            @Override
            public String redact(String text) {
                return credentials.redact(text);
            }

            @Override
            public int partialAtEnd(CharSequence text) {
                return credentials.partialAtEnd(text);
            }
        };
    }

    private static LightningClient fromEnvironment(Environment environment, GlobalOptions options, Console console) {
        List<String> early = new ArrayList<>();
        ApiConfig config = ApiConfig.fromEnvironment(environment, early::add);
        early.forEach(w -> console.log("warning: " + w));
        return client(config, environment, options, console);
    }

    static LightningClient client(ApiConfig config, Environment environment, GlobalOptions options, Console console) {
        ApiConfig logged = options.debug ? config.withDebugLog(line -> console.debug("http: " + line)) : config;
        ClientOptions clientOptions = ClientOptions.defaults()
                .withEnvironment(environment)
                .withProgress(console.progress())
                .withWarnings(w -> console.log("warning: " + w));
        return LightningClient.create(LightningApi.create(logged), clientOptions);
    }
}
