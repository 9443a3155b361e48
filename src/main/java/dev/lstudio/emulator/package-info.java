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
 *       .seed(1L) .strict(false) .teammate(true) .timeScale(1) .urlTtl(Duration.ofMinutes(15))
 *       .listPageSize(1000) .build() .start()}; then {@code baseUrl()} ("http://127.0.0.1:PORT/"),
 *       {@code port()}, {@code userId()}, {@code apiKey()}, {@code username()}, {@code close()}.
 *       Defaults: free port, generated user id, random API key, username and teamspace "demo",
 *       start 2s, stop 1s, switch 2s, fork 500ms, detach-after 10s, random seed, not strict,
 *       with a teammate, presigned URLs valid 15 min, file listings in pages of 1000.</li>
 *   <li>{@link dev.lstudio.emulator.EmulatorCommand}: the picocli {@code emulator} command with
 *       the same settings as options; has a {@code main} of its own.</li>
 * </ul>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 *   <li>Answers are in the live service's form (api-facts.md, "The live wire format, endpoint by
 *       endpoint"): camelCase, 64-bit integers as strings; a Studio carries top-level {@code env}
 *       ({@code name, value, fromSecret}), {@code userMetadata}, {@code tags}, {@code state},
 *       {@code maxRunDuration}; codestatus instances carry {@code price} (made-up USD per hour per
 *       machine), {@code instanceType}, {@code startTimestamp}, and while starting
 *       {@code startupPercentage}, {@code startupPhase}, {@code statusMessage}; getbyname answers
 *       {@code {"cloudspace", "project"}}; plugins are name-to-description maps and plugin actions answer
 *       200 with a {@code state} ({@code installation_success}, {@code installation_failed}...);
 *       endpoints are nested ({@code ports}, {@code cloudspace{cloudspaceId, port, type}}).</li>
 *   <li>Update (PUT cloudspace) is a full replace: a field of the live update body left out is reset.
 *       sleepconfig is flat; fork takes {@code newName, targetProjectId, targetClusterId, versionId}
 *       and answers the copy in INITIAL_SYNC_IN_PROGRESS, READY after the fork delay, not started.</li>
 *   <li>Request bodies are read in camelCase and snake_case, and the reference's forms are accepted
 *       too ({@code code_config{env_vars...}}, flat endpoint fields, fork {@code project_id}, execute
 *       {@code session}), unless strict: then a field the live service lacks is 400 (gRPC 3) naming the
 *       field and the endpoint. The allowed fields per endpoint are one table, {@link
 *       dev.lstudio.emulator.LiveFields}.</li>
 *   <li>The default teamspace has a second member, {@code teammate}, owning a stopped Studio
 *       {@code shared-box}: {@code ?userId=} leaves it out, {@code ?name=shared-box} alone finds it,
 *       no filter lists everyone's. {@code teammate(false)} leaves it out.</li>
 *   <li>Errors are {@code {"code","message","details":[]}} with the matching HTTP status; a
 *       wrong-state request (exec on a stopped studio, confirm with no pending switch) is gRPC 9 with
 *       HTTP 409.</li>
 *   <li>Start and stop are retry-safe: starting a studio already up on the same machine and
 *       stopping a stopped one change nothing. A zero start delay makes start synchronous.</li>
 *   <li>Execute runs {@code /bin/sh -c} in the studio's directory with the host environment minus
 *       anything credential-like, plus the studio's env vars. A detached submit answers at once
 *       {@code {"exitCode": 0, "output": "Command Started Successfully", "sessionName"}} (the live
 *       placeholder, which says nothing about the command); without {@code detached} it waits up to
 *       detach-after and answers the result. {@code GET execute/{session}} answers all output so far
 *       and the exit code (-1 while running). The stream is, by default, a finite NDJSON answer of
 *       all output from the start in lines {@code {"result":{"output","exitCode"}}} of at most 64 KiB,
 *       every line with the same exit code; it holds up to 1s for output while a command is silent,
 *       and a silent running command answers one empty line with -1. {@code Accept: text/event-stream}
 *       gets the reference's long-lived SSE instead: each piece once, {@code id:} the output offset,
 *       resuming from {@code Last-Event-ID} or {@code ?offset=N}, a heartbeat every 5s.</li>
 *   <li>Files in a Studio (notes/files-wire.md): {@code /v1/projects/{p}/artifacts/cloudspaces/{id}}
 *       {@code GET trees/{path...}} (pages by {@code cursor}/{@code nextCursor}, {@code recursive=true}),
 *       {@code GET blobs/{path...}} (307 to a presigned URL), {@code POST blobs} (sign: single part,
 *       multipart with {@code parts}/{@code part_size}, re-sign with {@code upload_id}/{@code part_numbers}),
 *       {@code POST blobs/complete}, {@code DELETE blobs/{path...}} and {@code DELETE trees/{path...}} (204),
 *       all over the studio's own directory. Presigned storage is {@code /storage/{p}/{id}/{path}}, no
 *       Basic auth (an Authorization header is refused 400), HMAC-signed with a per-emulator secret;
 *       parts are streamed to a staging folder outside the studio and complete renames the result in.</li>
 *   <li>Faults apply to /v1/ and /storage/ (never the admin API). {@code drop} closes the connection
 *       before the request is handled; {@code drop-after} handles it, then closes without answering;
 *       {@code drop-part}, {@code expired} and {@code short-body} act on storage only.</li>
 *   <li>Admin API, loopback only and without auth: {@code GET /_emulator/studios},
 *       {@code GET /_emulator/commands}, {@code GET|PUT|DELETE /_emulator/faults},
 *       {@code GET|DELETE /_emulator/requests} (API requests counted by method and path, counted
 *       before faults apply),
 *       {@code POST /_emulator/reset} (back to no studios but the teammate's, and the configured faults
 *       and seed). {@code /_emulator/studios} shows each Studio's {@code userId} and {@code owner}.</li>
 * </ul>
 */
package dev.lstudio.emulator;
