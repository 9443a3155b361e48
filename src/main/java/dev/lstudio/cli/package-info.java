/**
 * The {@code lstudio} command: parsing (picocli, {@link dev.lstudio.cli.Commands}), the
 * headless script runner ({@code ScriptRunner}), exit codes ({@link dev.lstudio.cli.ExitCode},
 * mapped in {@code ExitCodes}), output rules ({@code Console}: results on stdout, people's
 * lines on stderr, a spinner on a terminal, timestamps elsewhere), the run lock
 * ({@code RunLock}) and SIGINT/SIGTERM handling ({@code SignalGuard}).
 *
 * <p>Entry points: {@link dev.lstudio.cli.Main#main} for the launcher and
 * {@link dev.lstudio.cli.Main#execute} (streams and environment injected, returns the exit
 * status) for tests.
 *
 * <p>Where the next steps plug in:
 * <ul>
 *   <li>API client and {@code --emulator}: {@code ContextFactory.create}.</li>
 *   <li>API exceptions to exit codes 3 and 4: the table in {@code ExitCodes}.</li>
 *   <li>The REPL: {@code Main.repl} (reached by {@code lstudio repl} and by no arguments on a
 *       terminal); new subcommands register in {@code Commands.commandLine}.</li>
 * </ul>
 */
package dev.lstudio.cli;
