/**
 * An embedded emulator of the Lightning Studios API ("cloudspaces"), written from
 * {@code studios-api.md} and {@code api-facts.md} with its own wire types (it shares no class
 * with the client, so a wire mistake on either side shows up in tests).
 *
 * <h2>Public surface</h2>
 * <ul>
 *   <li>{@link dev.lstudio.emulator.Emulator}: {@code Emulator.builder() .port(0) .stateDir(path)
 *       .userId("u") .apiKey("k") .username("demo") .teamspace("demo") .startDelay(Duration.ZERO)
 *       .stopDelay(d) .switchDelay(d) .forkDelay(d) .detachAfter(d) .faults("GET /v1/** 503:0.5")
 *       .seed(1L) .build() .start()}; then {@code baseUrl()} ("http://127.0.0.1:PORT/"),
 *       {@code port()}, {@code userId()}, {@code apiKey()}, {@code username()}, {@code close()}.
 *       Defaults: free port, generated user id, random API key, username and teamspace "demo",
 *       start 2s, stop 1s, switch 2s, fork 500ms, detach-after 10s, random seed.</li>
 *   <li>{@link dev.lstudio.emulator.EmulatorCommand}: the picocli {@code emulator} command with
 *       the same settings as options; has a {@code main} of its own.</li>
 * </ul>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 *   <li>Responses are camelCase (as the reference says), including codestatus; request bodies
 *       are read in snake_case and camelCase. Errors are {@code {"code","message","details":[]}}
 *       with the matching HTTP status; a wrong-state request (exec on a stopped studio, confirm
 *       with no pending switch) is gRPC 9 with HTTP 409.</li>
 *   <li>Start and stop are retry-safe: starting a studio already up on the same machine and
 *       stopping a stopped one change nothing. A zero start delay makes start synchronous.</li>
 *   <li>Execute runs {@code /bin/sh -c} in the studio's directory with the host environment minus
 *       anything credential-like, plus the studio's env vars. The stream endpoint sends each piece
 *       of output once (incremental); its last line/event carries the exit code. SSE events carry
 *       {@code id:} (the output offset) and resume from {@code Last-Event-ID}; NDJSON resumes from
 *       {@code ?offset=N}. Both send a heartbeat every 5s while a command is silent.</li>
 *   <li>Faults apply to /v1/ only. {@code drop} closes the connection before the request is
 *       handled; {@code drop-after} handles it, then closes without answering.</li>
 *   <li>Admin API, loopback only and without auth: {@code GET /_emulator/studios},
 *       {@code GET /_emulator/commands}, {@code GET|PUT|DELETE /_emulator/faults},
 *       {@code GET|DELETE /_emulator/requests} (API requests counted by method and path, counted
 *       before faults apply),
 *       {@code POST /_emulator/reset} (back to no studios and the configured faults and seed).</li>
 * </ul>
 */
package dev.lstudio.emulator;
