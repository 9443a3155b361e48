package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** Builds the endpoints and mounts them on the server: the API and admin at {@code /}, presigned storage at {@code /storage/}. */
final class Contexts {
    private final Store store;
    private final ShellSessions commands;
    private final Settings settings;
    private final ScheduledExecutorService timer;
    private final Consumer<String> log;

    Contexts(Store store, ShellSessions commands, Settings settings, ScheduledExecutorService timer, Consumer<String> log) {
        this.store = store;
        this.commands = commands;
        this.settings = settings;
        this.timer = timer;
        this.log = log;
    }

    void mount(HttpServer server, Store.Identity identity, Memberships teamspaces, Runnable seed, Path staging) {
        PhaseMachine lifecycle = new PhaseMachine(store, commands, settings, timer);
        Faults faults = new Faults(settings.faults(), settings.seed());
        Uploads uploads = new Uploads(staging);
        UrlSigner signer = new UrlSigner(settings.urlTtl(), settings.timeScale(),
                () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/");
        Router api = new Router();
        StudioEndpoints studios = new StudioEndpoints(store, teamspaces, lifecycle, uploads);
        studios.register(api);
        new ConfigEndpoints(store, teamspaces, lifecycle, studios, settings).register(api);
        new LifecycleEndpoints(store, lifecycle).register(api);
        ExecEndpoints exec = new ExecEndpoints(store, commands, settings);
        exec.register(api);
        new PluginEndpoints(store, exec, settings).register(api);
        new PortEndpoints(store, teamspaces, commands).register(api);
        new AccountEndpoints(teamspaces, identity).register(api);
        new ArtifactEndpoints(store, signer, settings.listPageSize()).register(api);
        new UploadEndpoints(store, signer, uploads).register(api);
        Router admin = new Router();
        RequestCounts counts = new RequestCounts();
        // A reset removes every studio, and with them their uploads in progress.
        Runnable reset = () -> {
            uploads.clear();
            seed.run();
        };
        new AdminEndpoints(store, lifecycle, faults, settings, counts, reset).register(admin);
        server.createContext("/", new HttpFront(api, admin, faults, identity, log, counts, settings.strict()));
        server.createContext("/storage/", new StorageFront(store, uploads, signer, faults, counts, log));
    }
}
