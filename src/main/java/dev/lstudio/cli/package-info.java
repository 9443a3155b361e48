/**
 * The {@code lstudio} command: parsing (picocli, {@link dev.lstudio.cli.Commands}), the
 * headless script runner ({@code ScriptRunner}), exit codes ({@link dev.lstudio.cli.ExitCode},
 * mapped in {@code ExitCode.of} from the DSL's own failures and the client's
 * {@link dev.lstudio.client.Failure} kinds: credentials 3, other API and network failures 4,
 * timeouts and expired limits 124), output rules ({@code Console}: results on stdout, people's lines on
 * stderr, a spinner on a terminal, timestamps elsewhere), the run lock ({@code RunLock}) and
 * SIGINT/SIGTERM handling ({@code SignalGuard}).
 *
 * <p>Entry points: {@link dev.lstudio.cli.Main#main} for the launcher and
 * {@link dev.lstudio.cli.Main#execute} (streams and environment injected, returns the exit
 * status) for tests.
 *
 * <p>{@code ContextFactory} is the composition root, with {@code StartupTraining}: the only
 * classes above {@code client} that name {@code api} (the {@code ApiConfig}, the
 * {@code LightningApi}, the {@code Credentials} and their masks), as {@code LayeringSpec} checks.
 * It fills the run's {@code Redaction}, through which {@code Console} (stdout, stderr) and the
 * REPL print everything: the key is masked in all lstudio prints, whatever the text's source. It builds each run's context: the API client from the environment or
 * the credentials file (built when the script first needs it; {@code --debug} adds the redacted
 * HTTP log), or with {@code --emulator} an embedded emulator started for the run (state in
 * {@code LSTUDIO_EMULATOR_STATE}, else a temporary folder removed afterwards). {@code lstudio
 * emulator} serves the emulator on its own ({@link dev.lstudio.emulator.EmulatorCommand}).
 * The REPL joins at {@code Main.repl} (reached by {@code lstudio repl} and by no arguments on a
 * terminal); new subcommands register in {@code Commands.commandLine}.
 */
package dev.lstudio.cli;
