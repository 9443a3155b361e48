package dev.lstudio.cli;

import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.Teardown;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link DslContext} for one run from the parsed options. This is where the next
 * step plugs in the API side:
 * <ul>
 *   <li>{@code --emulator}: start the embedded emulator here, print the banner, register its
 *       shutdown with {@code teardown} (first, so it runs last), and point the client at it;</li>
 *   <li>otherwise read credentials (env, {@code ~/.lightning/credentials.json}) and build the
 *       client facade; {@code --debug} turns on its redacted HTTP log;</li>
 *   <li>hand the client to the context builder, next to the teamspace and {@code --json}.</li>
 * </ul>
 * Missing credentials should fail only when a script first needs the API, so that scripts
 * without studio verbs keep running offline.
 */
final class ContextFactory {
    private ContextFactory() {
    }

    static DslContext create(GlobalOptions options, List<String> args, Map<String, String> env,
                             Console console, Teardown teardown) {
        if (options.emulator) {
            console.debug("--emulator given; the embedded emulator is not wired in yet");
        }
        return DslContext.builder()
                .args(args)
                .env(env)
                .output(console)
                .progress(console.progress())
                .teardown(teardown)
                .teamspace(options.teamspace != null ? options.teamspace : env.get("LIGHTNING_TEAMSPACE"))
                .jsonResults(options.json)
                .build();
    }
}
