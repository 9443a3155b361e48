/**
 * The Groovy surface of lstudio: what a script can say, and the same operations for Java.
 *
 * <pre>{@code
 * studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }
 * }</pre>
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.lstudio.dsl.ScriptCompiler#configuration()}: THE CompilerConfiguration
 *       (script base class {@link dev.lstudio.dsl.LstudioScript}, star import of this package,
 *       {@code java.time.Duration}). The runner and the REPL both take it from here.</li>
 *   <li>{@link dev.lstudio.dsl.CallCheck}, in that configuration: a call that resolves to nothing,
 *       an option a verb's reference section does not list, or a literal of the wrong kind is a
 *       compile error (exit 2) before anything runs; names from {@code VerbNames} (reflection),
 *       {@code ScriptNames} (what the script defines), {@code OptionCheck} (options). Compile
 *       errors read as {@code line:column: message} with the line and a caret
 *       ({@code CompileProblems}).</li>
 *   <li>{@link dev.lstudio.dsl.LstudioScript}: the script base class. Verbs: {@code args},
 *       {@code env}, {@code log}, {@code json}, {@code parallel}, {@code retry}, {@code timeout},
 *       {@code teardown}, {@code keepRunning}, {@code budget}, {@code teamspace},
 *       {@code teamspaces}, {@code studios}, {@code machines}, {@code studio}, {@code create}.
 *       Durations ({@code 30.minutes}) come from the extension module
 *       {@link dev.lstudio.dsl.DurationExtensions}.</li>
 *   <li>{@link dev.lstudio.dsl.StudioHandle}: one studio, the delegate of {@code studio('x') { ... }}
 *       (DELEGATE_FIRST, on a rehydrated clone of the closure): {@code start}, {@code stop},
 *       {@code restart}, {@code switchTo}, {@code exec}, {@code status}/{@code running}/{@code machine},
 *       {@code delete}, {@code fork}, {@code rename}/{@code displayName}, {@code env},
 *       {@code autoSleep}, {@code keepAlive}, {@code plugins}/{@code install}/{@code uninstall}/
 *       {@code plugin(id).execute()}, {@code expose}/{@code ports}/{@code unexpose},
 *       {@code keepRunning}. Named options are checked ({@code Options}): a misspelt one is a
 *       one-line error listing the valid ones.</li>
 *   <li>{@link dev.lstudio.dsl.Dsl}: the Java face; the script base class delegates to it
 *       ({@code Consumer<StudioHandle>} and {@code Body} overloads instead of closures).</li>
 *   <li>{@link dev.lstudio.dsl.DslContext}: one run's state, carried in the script's Binding
 *       ({@link dev.lstudio.dsl.LstudioScript#binding(DslContext)}), so one mechanism serves
 *       the runner (a script) and the REPL (a binding shared by every line). It holds the API
 *       client (built on first use from the builder's supplier), output, progress, teardown,
 *       and the studio state of the run ({@code RunState}: the teamspace in use, the ledger), and
 *       the client's {@link dev.lstudio.client.Ownership}, the one record of what the run started.</li>
 *   <li>{@link dev.lstudio.dsl.Teardown}: LIFO actions run on failure, on SIGINT/SIGTERM and at
 *       exit; {@code guard} actions are skipped after {@code keepRunning()}; {@code last} actions
 *       (the exit summary) run after all the others.</li>
 *   <li>{@link dev.lstudio.dsl.ScriptCache} and {@link dev.lstudio.dsl.CompiledScript}: compiled
 *       class bytes on disk; a hit loads them with a plain class loader, no compiler.</li>
 * </ul>
 *
 * <h2>Guarded teardown</h2>
 * <ul>
 *   <li>{@code start} and {@code switchTo} ask the client what to do
 *       ({@link dev.lstudio.client.Studio#planStart}, one status read) and report it; a verb whose plan
 *       starts a studio first records it in the client's {@link dev.lstudio.client.Ownership} (on
 *       disk too, for {@code lstudio cleanup}) and registers a teardown guard "stop studio x"
 *       ({@code Ledger}, which reads those records and adds guards, keep-alive, time and price), so
 *       an interrupt at any moment still stops it; a clean {@code stop()} cancels the guard;
 *       {@code keepRunning()} (the handle's, or the script's) keeps it.</li>
 *   <li>A {@code studio('x') { ... }} block that ends with an exception stops, at once, what it
 *       started, then rethrows. A studio that was already running is never this run's to stop.</li>
 *   <li>Client calls run on a worker while the script thread waits interruptibly
 *       ({@code ClientCalls}): SIGINT/SIGTERM, {@code timeout}, a failed {@code parallel} sibling and
 *       the watchdog arrive as interrupts even while a command's output stream is being read.
 *       The stops themselves run to their end whatever interrupts follow.</li>
 *   <li>{@code start ..., maxRuntime: 3.hours} and {@code budget(maxHours: 2)} are enforced here by
 *       the {@code Watchdog}: it stops the studios concerned, interrupts the threads that started
 *       them and records a {@link dev.lstudio.dsl.DslTimeoutException} that the runner reports
 *       ({@link dev.lstudio.dsl.DslContext#expiredLimit()}, exit 124).</li>
 *   <li>The exit summary (which studios the run started, on which machines, for how long, their
 *       state now) is a {@code last} teardown action: log lines, and one JSON line with
 *       {@code --json}.</li>
 * </ul>
 *
 * <p>Waits report through the one progress abstraction, {@link dev.lstudio.client.Progress}: the
 * client opens a task per wait; the runner hands the same display to the client and to
 * {@link dev.lstudio.dsl.DslContext#progress()}. Time for retries is the
 * client's {@link dev.lstudio.client.Clock} (its sleeper and backoff), and durations in messages
 * read as {@link dev.lstudio.client.Durations} writes them.
 *
 * <p>The DSL reaches the service only through {@code client}, and hands scripts the client's
 * types ({@code expose} a {@link dev.lstudio.client.Port}, {@code plugin('x').execute()} a
 * {@link dev.lstudio.client.PluginInfo}); it decides on failures by their
 * {@link dev.lstudio.client.Failure} kind.
 */
package dev.lstudio.dsl;
