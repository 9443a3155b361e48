package dev.lstudio.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The Studios API, one method per endpoint of the reference. Blocking; thread-safe. Hides
 * Retrofit's {@code Call} and turns every failure into a {@link LightningException}:
 * a typed {@link ApiException} for HTTP errors, {@link NetworkException} when the server
 * cannot be reached, {@link MalformedResponseException} when the answer is not the JSON
 * expected. Calls marked safe are retried per the {@link HttpRetryPolicy}; nothing here waits for
 * a Studio to change state (that is the client's job).
 */
public final class LightningApi {
    private final StudiosService service;
    private final ArtifactsService artifacts;
    private final Storage storage;
    private final Errors errors;
    private final ApiConfig config;

    private LightningApi(ApiConfig config) {
        this.config = config;
        this.errors = new Errors(config.credentials());
        okhttp3.OkHttpClient client = Http.client(config);
        this.service = Http.service(config, client);
        this.artifacts = Http.artifacts(config, client);
        this.storage = new Storage(Http.storage(config, client), config.credentials());
    }

    public static LightningApi create(ApiConfig config) {
        return new LightningApi(Objects.requireNonNull(config, "config"));
    }

    /** The URL every call starts with, ending in {@code /}: a string, so that no OkHttp type leaves the API. */
    public String baseUrl() {
        return config.baseUrl().toString();
    }

    /** The caller's user id, from the credentials (the list call needs it). */
    public String userId() {
        return config.credentials().userId();
    }

    // --- identity and teamspaces

    /** {@code GET /v1/memberships?filterByUserId=true}: the teamspaces of the caller. */
    public List<Membership> memberships() {
        return call(service.memberships(true)).memberships();
    }

    /** {@code GET /v1/auth/user}. */
    public AuthUser currentUser() {
        return call(service.currentUser());
    }

    /** {@code GET /v1/auth/whoami}, the newer form of {@link #currentUser()}. */
    public AuthUser whoami() {
        return call(service.whoami());
    }

    // --- studios

    /** One page of {@code GET /v1/projects/{projectId}/cloudspaces}; {@code pageToken} null for the first. */
    public CloudSpacePage listCloudspaces(String projectId, CloudSpaceQuery query, String pageToken) {
        return call(service.listCloudspaces(projectId, query.userId(), query.name(), query.clusterId(), pageToken,
                query.limit(), query.activeOnly(), query.isFavorite()));
    }

    /** All Studios matching {@code query}, fetched page by page as the iteration goes. */
    public Iterable<CloudSpace> cloudspaces(String projectId, CloudSpaceQuery query) {
        return new Pages<>(token -> listCloudspaces(projectId, query, token), CloudSpacePage::cloudspaces,
                CloudSpacePage::nextPageToken, CloudSpace::id);
    }

    public CloudSpace getCloudspace(String projectId, String id) {
        return call(service.getCloudspace(projectId, id));
    }

    /** {@code GET /v1/users/{userName}/projects/{projectName}/cloudspaces/{name}/getbyname}. */
    public CloudSpace getCloudspaceByName(String userName, String projectName, String name) {
        return call(service.getCloudspaceByName(userName, projectName, name)).cloudspace();
    }

    /** Creates a Studio. Never resent: a second send could create a second Studio. */
    public CloudSpace createCloudspace(String projectId, CreateCloudSpaceRequest request) {
        return call(service.createCloudspace(projectId, request));
    }

    /** The {@code runs} call that follows a create. Never resent. */
    public LightningRun createRun(String projectId, String cloudspaceId, CreateRunRequest request) {
        return call(service.createRun(projectId, cloudspaceId, request));
    }

    public void start(String projectId, String id, ComputeConfig machine) {
        callVoid(service.start(projectId, id, ComputeRequest.of(machine)));
    }

    public void stop(String projectId, String id) {
        callVoid(service.stop(projectId, id));
    }

    public CodeStatus codeStatus(String projectId, String id) {
        return call(service.codeStatus(projectId, id));
    }

    /** {@code PUT .../codeconfig}: asks for another machine; confirm once it is ready. */
    public void switchMachine(String projectId, String id, ComputeConfig machine) {
        callVoid(service.switchMachine(projectId, id, ComputeRequest.of(machine)));
    }

    public void confirmSwitch(String projectId, String id) {
        callVoid(service.confirmSwitch(projectId, id));
    }

    public void cancelSwitch(String projectId, String id) {
        callVoid(service.cancelSwitch(projectId, id));
    }

    public void restart(String projectId, String id) {
        callVoid(service.restart(projectId, id));
    }

    public void keepAlive(String projectId, String id) {
        callVoid(service.keepAlive(projectId, id, java.util.Map.of()));
    }

    public void deleteCloudspace(String projectId, String id) {
        callVoid(service.deleteCloudspace(projectId, id));
    }

    /**
     * {@code PUT .../cloudspaces/{id}}: a full replace of the update body's fields (build it
     * {@link UpdateCloudSpaceRequest#of} the Studio as just read, so nothing else is cleared).
     */
    public CloudSpace updateCloudspace(String projectId, String id, UpdateCloudSpaceRequest request) {
        return call(service.updateCloudspace(projectId, id, request));
    }

    /** {@code PUT .../sleepconfig}. */
    public void sleepConfig(String projectId, String id, SleepConfigRequest sleep) {
        callVoid(service.sleepConfig(projectId, id, sleep));
    }

    /** Duplicates a Studio. Never resent: a second send could make a second copy. */
    public CloudSpace fork(String projectId, String id, ForkRequest request) {
        return call(service.fork(projectId, id, request));
    }

    // --- commands

    /** Runs a command. Never resent: the command could run twice. */
    public ExecuteResult execute(String projectId, String id, ExecuteRequest request) {
        return call(service.execute(projectId, id, request));
    }

    /** The output so far of a detached command (cumulative; exit code -1 while running). */
    public ExecuteResult executeOutput(String projectId, String id, String session) {
        return call(service.executeOutput(projectId, id, session));
    }

    /**
     * Opens the output stream of a detached command. {@code timeout} bounds the whole stream
     * (null: only the idle timeout of the configuration). The caller closes the stream.
     */
    public ExecuteStream executeStream(String projectId, String id, String session, Duration timeout) {
        Call<ResponseBody> call = service.executeStream(projectId, id, session);
        if (timeout != null) {
            call.timeout().timeout(Math.max(1, timeout.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        Response<ResponseBody> response = send(call);
        if (!response.isSuccessful()) {
            throw failure(call.request(), response);
        }
        if (response.body() == null) {
            throw errors.malformed(call.request(), response.code(), "no body", null);
        }
        return new ExecuteStream(response.body(), call.request(), errors);
    }

    // --- plugins

    public List<Plugin> availablePlugins() {
        return call(service.availablePlugins()).plugins();
    }

    public List<Plugin> installedPlugins(String projectId, String id) {
        return call(service.installedPlugins(projectId, id)).plugins();
    }

    /** The answer says whether it worked ({@link Plugin#succeeded()}): the live service answers 200 either way. */
    public Plugin installPlugin(String projectId, String id, String pluginId) {
        return redacted(call(service.installPlugin(projectId, id, pluginId)));
    }

    /** The answer says whether it worked ({@link Plugin#succeeded()}): the live service answers 200 either way. */
    public Plugin uninstallPlugin(String projectId, String id, String pluginId) {
        return redacted(call(service.uninstallPlugin(projectId, id, pluginId)));
    }

    /** Runs a plugin's action. Never resent. */
    public Plugin executePlugin(String projectId, String id, String pluginId) {
        return redacted(call(service.executePlugin(projectId, id, pluginId)));
    }

    /** A plugin's error is the server's text, which callers put in messages: it gets the redaction of every error. */
    private Plugin redacted(Plugin p) {
        return p.error() == null ? p : new Plugin(p.id(), p.pluginId(), p.projectId(), p.name(), p.description(), p.state(),
                config.credentials().redact(p.error()), p.additionalInfo());
    }

    // --- ports

    /** Exposes a port. Never resent: it could be exposed twice. */
    public Endpoint addEndpoint(String projectId, AddEndpointRequest request) {
        return call(service.addEndpoint(projectId, request));
    }

    public List<Endpoint> endpoints(String projectId) {
        return endpoints(projectId, null);
    }

    /** The teamspace's endpoints, only those of Studio {@code cloudspaceId} when it is not null. */
    public List<Endpoint> endpoints(String projectId, String cloudspaceId) {
        return call(service.endpoints(projectId, cloudspaceId)).endpoints();
    }

    public void deleteEndpoint(String projectId, String endpointId) {
        callVoid(service.deleteEndpoint(projectId, endpointId));
    }

    public OpenPorts openPorts(String projectId, String cloudspaceId) {
        return call(service.openPorts(projectId, cloudspaceId));
    }

    // --- a Studio's files (notes/files-wire.md); paths are relative to the content root

    /** One page of the entries under {@code path} ("" for the root); {@code cursor} null for the first. */
    public ArtifactTree listFiles(String projectId, String cloudspaceId, String path, String clusterId,
                                  boolean recursive, String cursor) {
        return call(artifacts.tree(projectId, cloudspaceId, encodePath(path), clusterId, recursive ? Boolean.TRUE : null,
                cursor == null || cursor.isEmpty() ? null : cursor));
    }

    /** Presigned URLs for an upload (or fresh ones for parts of one under way). */
    public SignedBlobs signUpload(String projectId, String cloudspaceId, SignBlobsRequest request) {
        return call(artifacts.sign(projectId, cloudspaceId, request));
    }

    public void completeUpload(String projectId, String cloudspaceId, CompleteBlobsRequest request) {
        callVoid(artifacts.complete(projectId, cloudspaceId, request));
    }

    public void deleteFile(String projectId, String cloudspaceId, String path, String clusterId) {
        callVoid(artifacts.deleteBlob(projectId, cloudspaceId, encodePath(path), clusterId));
    }

    public void deleteFolder(String projectId, String cloudspaceId, String path, String clusterId) {
        callVoid(artifacts.deleteTree(projectId, cloudspaceId, encodePath(path), clusterId));
    }

    /**
     * PUTs {@code length} bytes of {@code file} from {@code offset} to a presigned URL with its
     * headers and no credentials, streamed, each chunk counted to {@code progress}; returns the
     * ETag. Sent once: {@link StorageException} or {@link NetworkException} when it fails.
     */
    public String putToStorage(SignedBlobs.Url url, Path file, long offset, long length, LongConsumer progress) {
        return storage.put(url.url(), url.headers(), file, offset, length, progress);
    }

    /**
     * Opens a file for reading from byte {@code from}: the API's redirect is not followed with the
     * credentials, its Location is fetched from storage without them ({@code Range: bytes=N-} when
     * {@code from} is above 0); an answer of the bytes themselves is streamed as it is.
     */
    public BlobDownload openFile(String projectId, String cloudspaceId, String path, String clusterId, long from) {
        Call<ResponseBody> call = artifacts.open(projectId, cloudspaceId, encodePath(path), clusterId,
                from > 0 ? "bytes=" + from + "-" : null);
        Response<ResponseBody> response = send(call);
        if (response.code() >= 300 && response.code() < 400) {
            try (ResponseBody ignored = response.errorBody()) {
                String location = response.headers().get("Location");
                okhttp3.HttpUrl target = location == null ? null : call.request().url().resolve(location);
                if (target == null) {
                    throw errors.malformed(call.request(), response.code(), "a redirect without a usable Location", null);
                }
                return storage.get(target, from);
            }
        }
        if (!response.isSuccessful()) {
            throw failure(call.request(), response);
        }
        return Storage.download(response.code(), response.headers().get("Content-Range"), response.body());
    }

    /** Each segment percent-encoded, the slashes kept ("" stays "": the root). */
    static String encodePath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String encoded = new okhttp3.HttpUrl.Builder().scheme("http").host("h").addPathSegments(path).build().encodedPath();
        return encoded.substring(1);
    }

    // --- the one place calls are made and failures mapped

    private <T> T call(Call<T> call) {
        Response<T> response = send(call);
        if (!response.isSuccessful()) {
            throw failure(call.request(), response);
        }
        T body = response.body();
        if (body == null) {
            throw errors.malformed(call.request(), response.code(), "an empty body", null);
        }
        return body;
    }

    private void callVoid(Call<Void> call) {
        Response<Void> response = send(call);
        if (!response.isSuccessful()) {
            throw failure(call.request(), response);
        }
        String type = response.headers().get("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            // a web page answering 200 means the base URL is not the API: do not report success
            throw errors.malformed(call.request(), response.code(), "an HTML page", null);
        }
    }

    private <T> Response<T> send(Call<T> call) {
        try {
            return call.execute();
        } catch (JsonConverterFactory.BadBody e) {
            // not chained: its message and its cause's quote the answer unredacted (a --debug trace prints causes)
            throw errors.malformed(call.request(), 200, e.getMessage(), null);
        } catch (IOException e) {
            throw errors.network(call.request(), e);
        }
    }

    private ApiException failure(Request request, Response<?> response) {
        String body;
        try (ResponseBody error = response.errorBody()) {
            body = error == null ? null : error.string();
        } catch (IOException e) {
            body = null;
        }
        return errors.fromStatus(request, response.code(), body, RetryInterceptor.retryAfter(response.headers().get("Retry-After")));
    }

    @Override
    public String toString() {
        return "LightningApi[" + config.baseUrl() + ", " + config.credentials() + "]";
    }
}
