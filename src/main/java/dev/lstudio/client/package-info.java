/**
 * What a caller means, on top of {@link dev.lstudio.api.LightningApi}: the only floor above
 * {@code api}, and the layer the Groovy DSL, the REPL and the CLI are built on. It hands out its
 * own types ({@link dev.lstudio.client.Studio}, {@link dev.lstudio.client.StudioStatus},
 * {@link dev.lstudio.client.Teamspace}, {@link dev.lstudio.client.ExecResult},
 * {@link dev.lstudio.client.PluginInfo}, {@link dev.lstudio.client.Port},
 * {@link dev.lstudio.client.Machine}...), never a wire record, the {@code LightningApi} or an
 * OkHttp type; {@code LayeringSpec} keeps it so. Only the CLI's composition root
 * ({@code cli.ContextFactory}) builds the {@code ApiConfig} and the {@code LightningApi} it is
 * created with.
 *
 * <h2>Getting a client</h2>
 * <pre>{@code
 * LightningClient client = LightningClient.fromEnvironment(ClientOptions.defaults()
 *         .withWarnings(System.err::println)        // the caller decides where warnings go
 *         .withProgress(display));                  // a Progress: spinner, log lines, or Progress.silent()
 * // or, e.g. for the emulator or with HTTP debug logging:
 * ApiConfig config = ApiConfig.of("http://127.0.0.1:8080", Credentials.of("u", "k")).withDebugLog(log::debug);
 * LightningClient client = LightningClient.create(LightningApi.create(config), ClientOptions.defaults());
 *
 * Teamspace team = client.teamspaceOrDefault(null);     // LIGHTNING_TEAMSPACE, or the only one
 * Studio studio = client.studio(team, "my-studio");
 * studio.start("lit-h100-1");                             // waits until ready
 * ExecResult r = studio.exec("nvidia-smi", System.out::print);
 * studio.stop();
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Names, never silent picks.</b> {@link dev.lstudio.client.LightningClient#teamspace(String)} takes
 *     {@code name} or {@code owner/name}; {@link dev.lstudio.client.LightningClient#defaultTeamspace()}
 *     uses {@code LIGHTNING_TEAMSPACE} (read here, from {@link dev.lstudio.client.ClientOptions#environment()}),
 *     else the only membership; with several and none named it throws a
 *     {@link dev.lstudio.client.LookupException} listing them. An unknown Studio name throws
 *     "studio 'x' not found in teamspace 'y'; existing: a, b, c" (or "..., where you have no Studios yet").</li>
 * <li><b>Every wait has a deadline.</b> start, stop, restart, switch, exec and fork poll with growing,
 *     jittered delays until done, and throw {@link dev.lstudio.client.WaitTimeoutException}
 *     (or {@link dev.lstudio.client.CommandTimeoutException}) at the deadline, and
 *     {@link dev.lstudio.client.StudioFailedException} as soon as the instance is FAILED.
 *     Done means: start, RUNNING with {@code topUpRestoreFinished}; stop, no instance or STOPPED;
 *     switch, codeconfig, then the requested instance's {@code initialRestoreFinished}, confirm,
 *     then the new instance in use with {@code topUpRestoreFinished}. Polling and sleeping happen
 *     only in this package, through the injectable {@link dev.lstudio.api.Sleeper}, so tests run
 *     without waiting; every delay comes from the one {@link dev.lstudio.api.Backoff}, and the
 *     floors above reach both through {@link dev.lstudio.client.Clock}. Durations in messages are
 *     written by {@link dev.lstudio.client.Durations}. Each wait is a {@link dev.lstudio.client.Progress} task, updated after every poll.</li>
 * <li><b>Commands stream.</b> {@link dev.lstudio.client.Studio#exec(String, java.time.Duration, java.util.function.Consumer)}
 *     sends a detached execute ({@code {"command", "detached": true}}) and follows the session it names;
 *     the submit's own exit code and output are a placeholder and never shown, and an answer without a
 *     session name is an error. The live stream is a finite NDJSON answer holding all output from the
 *     start, one chunk a line, exit code -1 while running: chunks are placed by their position in the
 *     answer (so output that repeats itself is never mistaken for a repeat), and the stream is called
 *     again about every second until the final exit code. SSE (placed by numeric ids where sent) and
 *     long-lived streams are read too; when the stream is missing or breaks the session is polled.
 *     Either way the consumer sees each character once. Lines of one answer that disagree on the final
 *     exit code are an error. A non-zero exit code is a result, not an exception.</li>
 * <li><b>Updates are full replaces.</b> rename, {@link dev.lstudio.client.Studio#setEnv(java.util.Map)},
 *     {@link dev.lstudio.client.Studio#putEnv(java.util.Map)} read the Studio and send back every field of
 *     the live update body it has, with the one change; auto-sleep sends the flat sleepconfig body. A fork
 *     takes no machine: the copy is started on the one asked for once it is READY.</li>
 * <li><b>Finding Studios.</b> A name is looked up without {@code userId} first (a teammate's Studio in a
 *     shared teamspace is found), then with it; listing "my" Studios and completion send {@code userId}.</li>
 * <li><b>Machines.</b> {@link dev.lstudio.client.Machines} knows the SDK's slugs; an unknown slug is sent
 *     anyway, with a warning suggesting the nearest known one. The machine a running Studio reports may be
 *     an instance type ({@code p5.48xlarge}): a start then warns and leaves it running rather than switch
 *     on a name it cannot compare.</li>
 * <li><b>One start/stop/switch decision.</b> {@link dev.lstudio.client.Studio#planStart} and
 *     {@link dev.lstudio.client.Studio#planSwitch} read the status once and decide
 *     ({@link dev.lstudio.client.MachinePlan}); the plan is then carried out. A start on a Studio running on
 *     another machine is refused ({@link dev.lstudio.client.RunningElsewhereException}), never a silent switch
 *     of a paid machine; a switch of a stopped, stopping or FAILED Studio starts it there.</li>
 * <li><b>Ownership.</b> {@link dev.lstudio.client.Ownership} holds one {@link dev.lstudio.client.OwnedStudio}
 *     record per Studio a run started (machines in order, when first started): in memory for the run, whose
 *     teardown guards and summary read it, and on disk ({@link dev.lstudio.client.OwnershipFiles}, the ledger
 *     in {@code owned/}) while the run owns it. {@link dev.lstudio.client.Cleanup} ({@code lstudio cleanup},
 *     and the start of every run) reads the files of runs that ended and stops what they left running.
 *     Hardening of teardown (stop first then confirm, generations of a record) belongs here.</li>
 * <li><b>Completion.</b> {@link dev.lstudio.client.CompletionCache}, the one cache and pool of completion,
 *     serves teamspaces, Studio names with their status (keyed by the resolved teamspace), and machine slugs
 *     without blocking more than {@code cacheMaxWait}; create, delete, rename and fork edit the list they
 *     change.</li>
 * <li><b>Errors.</b> Everything thrown for a person to read has a message of one line saying what to
 *     do ({@link dev.lstudio.client.Failure#explained}). The layers above decide on its
 *     {@link dev.lstudio.client.Failure} kind (credentials, a refused value, gone, timeout, the
 *     service), never on an HTTP status or an exception type of {@code api}: a stop of a deleted
 *     Studio is {@code GONE}, a start the server refused is {@link dev.lstudio.client.Failure#refusedByServer}.
 *     The exceptions are not wrapped, so their messages reach the user as written.</li>
 * </ul>
 */
package dev.lstudio.client;
