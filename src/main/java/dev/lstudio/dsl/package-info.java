/**
 * The Groovy surface of lstudio: what a script can say, and the same operations for Java.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.lstudio.dsl.ScriptCompiler#configuration()}: THE CompilerConfiguration
 *       (script base class {@link dev.lstudio.dsl.LstudioScript}, star import of this package,
 *       {@code java.time.Duration}). The runner and the REPL both take it from here.</li>
 *   <li>{@link dev.lstudio.dsl.LstudioScript}: the script base class. Verbs today: {@code args},
 *       {@code env}, {@code log}, {@code json}, {@code parallel}, {@code retry}, {@code timeout},
 *       {@code teardown}, {@code keepRunning}. Durations ({@code 30.minutes}) come from the
 *       extension module {@link dev.lstudio.dsl.DurationExtensions}.</li>
 *   <li>{@link dev.lstudio.dsl.Dsl}: the Java face; the script base class delegates to it.</li>
 *   <li>{@link dev.lstudio.dsl.DslContext}: one run's state, carried in the script's Binding
 *       ({@link dev.lstudio.dsl.LstudioScript#binding(DslContext)}), so one mechanism serves
 *       the runner (a script) and the REPL (a binding shared by every line).</li>
 *   <li>{@link dev.lstudio.dsl.Teardown}: LIFO actions run on failure, on SIGINT/SIGTERM and at
 *       exit; {@code guard} actions are skipped after {@code keepRunning()}.</li>
 *   <li>{@link dev.lstudio.dsl.ScriptCache} and {@link dev.lstudio.dsl.CompiledScript}: compiled
 *       class bytes on disk; a hit loads them with a plain class loader, no compiler.</li>
 * </ul>
 *
 * <h2>The seam for the studio verbs (next step)</h2>
 * <ol>
 *   <li>Add the client facade to {@link dev.lstudio.dsl.DslContext} as one more builder
 *       property (e.g. {@code client(StudiosClient)} and {@code client()}); the runner builds it
 *       in {@code dev.lstudio.cli.ContextFactory}, which already passes {@code --teamspace}
 *       (or {@code LIGHTNING_TEAMSPACE}), {@code --json}, the output and the progress sink.</li>
 *   <li>Put the verbs ({@code teamspace}, {@code studio}, {@code studios}, {@code machines},
 *       {@code create}) on {@link dev.lstudio.dsl.LstudioScript} as real methods that delegate to
 *       new methods on {@link dev.lstudio.dsl.Dsl} (Java face first, with
 *       {@code Consumer<StudioHandle>} overloads); {@code studio('x') { ... }} takes
 *       {@code @DelegatesTo(value = StudioHandle, strategy = DELEGATE_FIRST)} and runs a
 *       {@code rehydrate}d clone of the closure.</li>
 *   <li>Guarded teardown: when a verb starts a studio, register
 *       {@code context.teardown().guard("stop studio x", () -> client.stop(...))}; keep the
 *       returned {@link dev.lstudio.dsl.Teardown.Action}; on a clean {@code stop()} call
 *       {@code cancel()}, when the block ends with an exception call {@code runNow()}, and the
 *       handle's own {@code keepRunning()} calls {@code keep()}. Interrupts (signals,
 *       {@code timeout}, a failed {@code parallel} sibling) arrive as thread interrupts; the
 *       registry clears the flag while actions run so their API calls still work.</li>
 *   <li>The exit summary (which studios ran, where, how long): register it first with
 *       {@code teardown().add(...)} so that it runs last.</li>
 *   <li>Waits report through {@link dev.lstudio.dsl.DslContext#progress()}:
 *       {@code try (var task = progress.begin("starting x")) { ... task.update(phase) ... }}.
 *       Sleeping and polling stay in the client.</li>
 *   <li>Result rendering: when {@link dev.lstudio.dsl.DslContext#jsonResults()} is set, verbs
 *       print results with {@code Dsl.json(...)}.</li>
 * </ol>
 */
package dev.lstudio.dsl;
