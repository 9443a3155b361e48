package dev.lstudio.client;

import dev.lstudio.api.NotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Finds the studios that runs which ended without stopping them (SIGKILL, power loss, a stop
 * that failed) left in the ledger of {@link Ownership}, and stops them: {@code lstudio
 * cleanup}, and the start of every run. For each record of an ended owner it asks the API for
 * the studio's state, stops it when it still runs (waiting as {@link Studio#stop()} does) and
 * drops records of studios found stopped or deleted. It leaves alone the records of owners
 * that still run (or run on another host), of other credentials, and, when asked, of other
 * teamspaces. A dry run changes nothing.
 *
 * <p>Cheap when there is nothing to do: with no ledger folder or no record in it, one folder
 * check and one listing, and the API client is never built; it is built only for records of
 * ended owners. Two cleanups at once (two cron runs starting together) take turns on each
 * file through an OS file lock, which the OS releases if the cleaner dies ({@link LockedRecord}).
 * Records of another host (by machine id, else hostname: {@link Owner#thisHost}) are left
 * unless taken over ({@link #takeOverHost}, {@link #takeOverAllHosts}).
 */
public final class Cleanup {
    /** A temporary file older than this was left by a writer that died; younger ones may be mid-write. */
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);
    /** How many studios cleanup stops at once (as a script's {@code parallel} does by default). */
    static final int PARALLEL = 16;

    private final Path folder;
    private boolean dryRun;
    private boolean showProgress = true;
    private String teamspace;
    private Consumer<String> warnings = Cleanup::ignore;
    private Consumer<CleanupOutcome> each = Cleanup::ignore;
    private String takeOverHost;
    private Duration stopTimeout;
    private boolean takeOverAllHosts;
    private LightningClient client;
    private String teamspaceProjectId;

    private Cleanup(Path folder) {
        this.folder = folder;
    }

    /** The ledger in {@code folder} (the {@code owned/} folder of the state directory). */
    public static Cleanup in(Path folder) {
        return new Cleanup(Objects.requireNonNull(folder, "folder"));
    }

    /** List what would be done; change nothing. */
    public Cleanup dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** Whether waits for a stop show on the client's progress display (the start of a run keeps them quiet). */
    public Cleanup showProgress(boolean showProgress) {
        this.showProgress = showProgress;
        return this;
    }

    /** Only studios of this teamspace ({@code name} or {@code owner/name}); null for all. */
    public Cleanup teamspace(String nameOrNull) {
        this.teamspace = nameOrNull == null || nameOrNull.isBlank() ? null : nameOrNull.strip();
        return this;
    }

    /** Where warnings go: unreadable or corrupt ledger files (named), a ledger that cannot be rewritten. */
    public Cleanup warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    /** Called with each outcome as it happens, from the thread that judged it; calls never overlap. */
    public Cleanup each(Consumer<CleanupOutcome> each) {
        this.each = Objects.requireNonNull(each, "each");
        return this;
    }

    /**
     * Whether the ledger in {@code folder} holds any record: one folder check and, if it exists,
     * one listing; no file is read. Static, so that the start of a run with an empty ledger
     * creates nothing.
     */
    public static boolean anyRecords(Path folder) {
        // java.io.File: its classes are loaded in every JVM already, the directory streams' are not.
        String[] names = folder.toFile().list();
        if (names == null) {
            return false; // no folder (or one this user cannot list)
        }
        for (String name : names) {
            if (name.endsWith(OwnershipFiles.SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    private static void ignore(Object any) {
        // the default sink of warnings and outcomes
    }

    /**
     * Goes through every record and returns the outcomes (each also given to {@link #each} as it
     * happens, from the thread that judged it). {@code clients} is asked once, and only when a
     * record of an ended owner needs the API; its failure (no credentials) is thrown, after the
     * outcomes so far. The studios of ended owners are judged {@link #PARALLEL} at a time: each
     * stop waits for the studio to be stopped, and one after the other 200 took ten minutes.
     */
    public List<CleanupOutcome> run(Supplier<LightningClient> clients) {
        List<CleanupOutcome> outcomes = new ArrayList<>();
        Map<Path, OwnershipFiles.Content> ended = new java.util.LinkedHashMap<>();
        Map<String, Owner> liveOwners = new HashMap<>();
        List<CleanupOutcome> alive = new ArrayList<>();
        for (Path file : files(OwnershipFiles.SUFFIX)) {
            OwnershipFiles.Content content = readOrWarn(file);
            if (content == null) {
                continue;
            }
            Owner.Liveness liveness = liveness(content.owner());
            if (liveness == Owner.Liveness.ENDED) {
                ended.put(file, content);
                continue;
            }
            for (OwnedStudio s : content.studios()) {
                liveOwners.put(s.studioId(), content.owner());
                alive.add(liveness == Owner.Liveness.RUNNING
                        ? outcome(CleanupOutcome.Action.OWNER_RUNNING, s, content.owner(), "studio '" + s.name()
                                + "' belongs to " + content.owner().describe() + ", which is still running; left alone")
                        : outcome(CleanupOutcome.Action.OTHER_HOST, s, content.owner(), "studio '" + s.name()
                                + "' belongs to " + content.owner().describe() + " on host " + hostOf(content.owner())
                                + ", which this host cannot judge; left alone"));
            }
        }
        alive.forEach(o -> report(o, outcomes));
        List<LockedRecord> locked = new ArrayList<>();
        try {
            for (Map.Entry<Path, OwnershipFiles.Content> e : ended.entrySet()) {
                LockedRecord l = dryRun ? new LockedRecord(e.getKey(), null, e.getValue())
                        : LockedRecord.open(e.getKey(), this::readOrWarn, warnings);
                if (l != null) {
                    locked.add(l);
                }
            }
            judgeAll(locked, liveOwners, clients, outcomes);
            if (!dryRun) {
                locked.forEach(l -> l.rewrite(warnings));
            }
        } finally {
            locked.forEach(LockedRecord::close);
        }
        if (!dryRun) {
            removeStaleTemps();
        }
        return outcomes;
    }

    /**
     * Take over the records of another host (by hostname or machine id, as the messages show
     * them): their owners are judged as if they had run here. For a host that is gone (an
     * ended container with its own hostname), not for one whose runs still run.
     */
    /** How long each stop may take, resends included; null: the client's stop timeout. */
    public Cleanup stopTimeout(Duration timeoutOrNull) {
        this.stopTimeout = timeoutOrNull;
        return this;
    }

    public Cleanup takeOverHost(String nameOrNull) {
        this.takeOverHost = nameOrNull == null || nameOrNull.isBlank() ? null : nameOrNull.strip();
        return this;
    }

    /** Take over the records of every other host. */
    public Cleanup takeOverAllHosts(boolean all) {
        this.takeOverAllHosts = all;
        return this;
    }

    private Owner.Liveness liveness(Owner owner) {
        if (!owner.thisHost() && (takeOverAllHosts || owner.onHost(takeOverHost))) {
            return owner.localLiveness();
        }
        return owner.liveness();
    }

    /** "build-7f3a (machine 0d9e...)": the name a person knows, and the id that decides. */
    public static String hostOf(Owner owner) {
        return owner.machine() == null ? String.valueOf(owner.host())
                : owner.host() + " (machine " + owner.machine() + ")";
    }

    /** Every studio of the locked files, {@link #PARALLEL} at a time; returns when all are judged (or on interrupt). */
    private void judgeAll(List<LockedRecord> locked, Map<String, Owner> liveOwners, Supplier<LightningClient> clients,
                          List<CleanupOutcome> outcomes) {
        List<Runnable> tasks = new ArrayList<>();
        for (LockedRecord l : locked) {
            for (OwnedStudio s : l.content.studios()) {
                tasks.add(() -> {
                    CleanupOutcome o = judge(s, l.content.owner(), liveOwners, clients);
                    report(o, outcomes);
                    if (o.action().dropsRecord()) { // dropped by l.rewrite once all are judged
                        l.dropped.add(s);
                    }
                });
            }
        }
        if (tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(PARALLEL, tasks.size()), r -> {
                    Thread t = new Thread(r, "lstudio-cleanup");
                    t.setDaemon(true); // a JVM that must exit is not held by a stop's wait
                    return t;
                });
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        pool.shutdown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
    }

    /** What to do about one studio of an ended owner; stops it unless this is a dry run. */
    private CleanupOutcome judge(OwnedStudio s, Owner owner, Map<String, Owner> liveOwners,
                                 Supplier<LightningClient> clients) {
        String of = "studio '" + s.name() + "' of ended " + owner.describe();
        Owner now = liveOwners.get(s.studioId());
        if (now != null) {
            return outcome(CleanupOutcome.Action.NOW_OWNED, s, owner, of + " belongs now to " + now.describe()
                    + ", which is running; " + (dryRun ? "would drop" : "dropped") + " the old record");
        }
        LightningClient api = client(clients);
        if (!s.sameAccount(api)) {
            return outcome(CleanupOutcome.Action.OTHER_ACCOUNT, s, owner, of + " was started as user " + s.userId()
                    + " at " + s.api() + ", not with the credentials in use (user " + api.api().userId() + " at "
                    + api.api().baseUrl() + "); left alone: run lstudio cleanup with those credentials");
        }
        if (teamspace != null && !teamspaceProjectId(api).equals(s.projectId())) {
            return outcome(CleanupOutcome.Action.OTHER_TEAMSPACE, s, owner, of + " is in teamspace " + s.teamspace()
                    + ", not " + teamspace + "; left alone");
        }
        String studio = "studio '" + s.name() + "'";
        String leftBy = " left running by " + owner.describe() + " that ended without stopping it";
        Lifecycle lifecycle = new Lifecycle(context(api), s.projectId(), s.studioId(), s.name());
        try {
            StudioStatus status = StudioStatus.of(lifecycle.codeStatus());
            if (dryRun) {
                return status.stopped()
                        ? outcome(CleanupOutcome.Action.WAS_STOPPED, s, owner, of + " reads stopped; would drop its record")
                        : outcome(CleanupOutcome.Action.WOULD_STOP, s, owner, "would stop " + studio + " ("
                                + status.describe() + ", teamspace " + s.teamspace() + ")" + leftBy);
            }
            // Sent whatever the status said: a stop is safe to repeat, and {"inUse": null} (a glitch) reads as stopped.
            lifecycle.stop(stopTimeout != null ? stopTimeout : api.options().stopTimeout());
            handBack(api, s, owner);
            return status.stopped()
                    // "already" would trust the one read before the stop, which a glitch can make say stopped.
                    ? outcome(CleanupOutcome.Action.WAS_STOPPED, s, owner, of + " is stopped (two reads agree after a stop"
                            + " sent to be sure); dropped its record")
                    : outcome(CleanupOutcome.Action.STOPPED, s, owner, "stopped " + studio + leftBy);
        } catch (NotFoundException e) {
            return outcome(CleanupOutcome.Action.DELETED, s, owner, of + " was deleted; "
                    + (dryRun ? "would drop" : "dropped") + " its record");
        } catch (RuntimeException e) {
            return new CleanupOutcome(CleanupOutcome.Action.FAILED, s, owner, "could not stop " + studio + leftBy + ": "
                    + e.getMessage() + "; it stays in the ledger for the next cleanup", e);
        }
    }

    /**
     * As the ended run's own stop would have: the auto-sleep its dead man's switch replaced comes
     * back, and its lease goes. A record without {@code sleepBefore} changed no auto-sleep; its
     * lease, if any, stays on the stopped Studio, where it does no harm (the shared cleanup looks
     * at running Studios only, and the next run's lease replaces it).
     */
    private void handBack(LightningClient api, OwnedStudio s, Owner owner) {
        if (s.sleepBefore() == null) {
            return;
        }
        Teamspace team = new Teamspace(s.projectId(), s.teamspace(), s.teamspace(), null, false, false);
        try {
            Studio studio = new Studio(context(api), team, context(api).api().getCloudspace(s.projectId(), s.studioId()));
            Leases.undo(studio, OwnershipFiles.runId(owner), s.sleepBefore(), warnings);
        } catch (RuntimeException e) {
            warnings.accept("could not put back the auto-sleep of studio '" + s.name() + "' (" + s.sleepBefore().describe()
                    + "): " + e.getMessage());
        }
    }

    private synchronized LightningClient client(Supplier<LightningClient> clients) {
        if (client == null) {
            client = Objects.requireNonNull(clients.get(), "the client supplier returned null");
        }
        return client;
    }

    private Context context(LightningClient api) {
        Context shared = api.context();
        if (showProgress) {
            return shared;
        }
        ClientOptions quiet = shared.options().withProgress(Progress.silent());
        return new Context(shared.api(), quiet, new Waiter(quiet), shared.warn(), shared.studiosChanged());
    }

    private synchronized String teamspaceProjectId(LightningClient api) {
        if (teamspaceProjectId == null) {
            teamspaceProjectId = api.teamspace(teamspace).projectId();
        }
        return teamspaceProjectId;
    }

    private synchronized void report(CleanupOutcome outcome, List<CleanupOutcome> outcomes) {
        outcomes.add(outcome);
        each.accept(outcome);
    }

    private static CleanupOutcome outcome(CleanupOutcome.Action action, OwnedStudio s, Owner owner, String message) {
        return new CleanupOutcome(action, s, owner, message, null);
    }

    private OwnershipFiles.Content readOrWarn(Path file) {
        try {
            return OwnershipFiles.read(file);
        } catch (NoSuchFileException gone) {
            return null; // its owner released its last studio meanwhile
        } catch (OwnershipFiles.Corrupt e) {
            warnings.accept("ignoring ledger file " + file + ": it is not a valid record (" + e.getMessage()
                    + "); left as it is: delete it once no lstudio run owns it");
            return null;
        } catch (IOException e) {
            warnings.accept("cannot read ledger file " + file + ": " + OwnershipFiles.reason(e) + "; left alone");
            return null;
        }
    }

    /** Files of the folder ending in {@code suffix}; none when the folder is missing. */
    private List<Path> files(String suffix) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*" + suffix)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            warnings.accept("cannot list the ledger folder " + folder + ": " + OwnershipFiles.reason(e));
        }
        files.sort(null);
        return files;
    }

    private void removeStaleTemps() {
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        for (Path temp : files(OwnershipFiles.TEMP_SUFFIX)) {
            try {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                // Readers ignore temporary files; the next cleanup tries again.
            }
        }
    }
}
