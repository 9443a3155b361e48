package dev.lstudio.cli;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.Environment;
import dev.lstudio.api.LightningApi;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.LightningClient;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.Teardown;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@link DslContext} for one run from the parsed options, with its API client: from
 * the credentials in the environment or {@code ~/.lightning/credentials.json}, built when a
 * script first needs it (so scripts without studio verbs run offline and without credentials);
 * with {@code --debug}, its HTTP log (key redacted) goes to the debug lines.
 */
final class ContextFactory {
    private ContextFactory() {
    }

    /** One run's context and what must be closed after its teardown. */
    static final class Run implements AutoCloseable {
        final DslContext context;

        private Run(DslContext context) {
            this.context = context;
        }

        @Override
        public void close() {
            if (context.clientBuilt()) {
                context.client().close();
            }
        }
    }

    static Run create(GlobalOptions options, List<String> args, Map<String, String> env,
                      Console console, Teardown teardown) {
        Environment environment = Environment.of(env, home(env));
        Supplier<LightningClient> client = () -> fromEnvironment(environment, options, console);
        DslContext context = DslContext.builder()
                .args(args)
                .env(env)
                .output(console)
                .progress(console.progress())
                .teardown(teardown)
                .client(client)
                .teamspace(options.teamspace != null ? options.teamspace : env.get("LIGHTNING_TEAMSPACE"))
                .jsonResults(options.json)
                .build();
        return new Run(context);
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

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
