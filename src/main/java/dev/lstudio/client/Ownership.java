package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one model of what this process started: an {@link OwnedStudio} record per studio it
 * started, in memory for as long as the process runs (the DSL's teardown guards and exit summary
 * read them), and, for the studios it still owns, on disk, so that a run killed with SIGKILL (or
 * a power cut) does not leave them running unseen: {@link Cleanup} (the {@code lstudio cleanup}
 * command, and the start of the next run) finds the records of ended owners and stops their
 * studios.
 *
 * <p>A studio is {@link #started recorded} before the request that starts it goes out; if the
 * record cannot be written, it is not started ({@link LedgerWriteException}). It is
 * {@link #release released} (its record leaves the disk, not the memory) once it is seen stopped
 * or deleted, or when the caller leaves it running on purpose ({@code keepRunning()}). A stop
 * that failed leaves it owned, so a later cleanup tries again.
 *
 * <p>Each process writes only its own file ({@code owned/HOST-PID-STARTMILLIS.json}, see
 * {@link OwnershipFiles}), so runs that start studios at the same moment never rewrite each
 * other's records, and a cleanup reads every file without locking out writers. The file is
 * rewritten whole, atomically, at each change. Records name the API's base URL and the user id,
 * never the API key. Thread-safe.
 */
public final class Ownership {
    private final Path folder;
    private final Supplier<Owner> ownerSupplier;
    private final BytesWriter writer;
    private final Consumer<String> warnings;
    /** Every studio this process started, in the order first started. */
    private final Map<String, OwnedStudio> started = new LinkedHashMap<>();
    /** Those it still owns: on disk when there is a folder. */
    private final Set<String> owned = new LinkedHashSet<>();
    /** How many times each studio was recorded: a stop releases only the generation it stopped. */
    private final Map<String, Long> generations = new java.util.HashMap<>();
    private Owner owner;
    /** The leases and dead man's switch on the studios owned (null: none, as for {@link #inMemory()}). */
    private Leases leases;

    /** Writes the bytes of a new ledger file to {@code temp} (created by the call); tests inject one that fails like a full disk. */
    @FunctionalInterface
    public interface BytesWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    private Ownership(Path folder, Supplier<Owner> owner, BytesWriter writer, Consumer<String> warnings) {
        this.folder = folder;
        this.ownerSupplier = owner;
        this.writer = writer;
        this.warnings = warnings;
    }

    /**
     * Records kept in memory only: for contexts whose studios cannot outlive the process (the
     * embedded emulator of {@code --emulator} brings every studio back stopped) and for specs.
     */
    public static Ownership inMemory() {
        return new Ownership(null, () -> null, null, w -> { });
    }

    /**
     * This process's records, on disk in {@code folder} (created 0700 at the first record), for a
     * run of {@code script} (a name for the messages); failures to drop a record go to {@code warnings}.
     */
    public static Ownership in(Path folder, String script, Consumer<String> warnings) {
        return new Ownership(Objects.requireNonNull(folder, "folder"), () -> Owner.current(script),
                OwnershipFiles.SYNCED, Objects.requireNonNull(warnings, "warnings"));
    }

    /** As {@link #in(Path, String, Consumer)}, with the owner and the file writer given (specs). */
    public static Ownership in(Path folder, Owner owner, BytesWriter writer, Consumer<String> warnings) {
        Objects.requireNonNull(owner, "owner");
        return new Ownership(Objects.requireNonNull(folder, "folder"), () -> owner,
                Objects.requireNonNull(writer, "writer"), Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * From now on each studio this process comes to own gets a lease and the dead man's switch
     * ({@link Leases}) before its start request, and gives them up when it is no longer owned.
     */
    public synchronized Ownership withLeases(Leases leases) {
        this.leases = Objects.requireNonNull(leases, "leases");
        return this;
    }

    /** Whether owned studios are kept on disk ({@link #inMemory()} keeps none there). */
    public boolean persistent() {
        return folder != null;
    }

    /** This process's ledger file, or null for {@link #inMemory()}. */
    public synchronized Path file() {
        return folder == null ? null : folder.resolve(OwnershipFiles.fileName(owner()));
    }

    /** The studios this process owns now: those on disk. */
    public synchronized List<OwnedStudio> studios() {
        List<OwnedStudio> out = new ArrayList<>();
        owned.forEach(id -> out.add(started.get(id)));
        return out;
    }

    /** The record of a studio this process started (owned now or not), or null. */
    public synchronized OwnedStudio recordOf(String studioId) {
        return started.get(studioId);
    }

    /** Whether this process owns the studio now: it is to stop it. */
    public synchronized boolean owns(String studioId) {
        return owned.contains(studioId);
    }

    /**
     * {@code studio} is about to be started on {@code machine}: its record (new, or the earlier one
     * with this machine added). When {@code owning}, this process is to stop it, and the record is
     * on disk before this returns; if it cannot be written, this throws {@link LedgerWriteException}
     * and nothing changes. Not owning is for a studio left running on purpose ({@code keepRunning()}).
     */
    public synchronized OwnedStudio started(Studio studio, String machine, boolean owning) {
        OwnedStudio previous = started.get(studio.id());
        OwnedStudio next = previous == null ? OwnedStudio.of(studio, machine) : previous.on(machine);
        if (owning) {
            boolean claiming = leases != null && !owned.contains(studio.id());
            if (claiming) {
                next = next.withSleepBefore(leases.claim(studio, owner(), runId()));
            }
            try {
                record(next);
            } catch (LedgerWriteException e) {
                if (claiming) {
                    leases.release(studio.id());
                }
                throw e;
            }
        } else {
            started.put(studio.id(), next);
        }
        return next;
    }

    /**
     * Owns {@code record}: this process is to stop its studio, and the record is on disk before this
     * returns; if it cannot be written, this throws {@link LedgerWriteException} and nothing changes.
     */
    public synchronized void record(OwnedStudio record) {
        generations.merge(record.studioId(), 1L, Long::sum);
        OwnedStudio previous = started.put(record.studioId(), record);
        boolean added = owned.add(record.studioId());
        if (!persistent()) {
            return;
        }
        try {
            OwnershipFiles.createFolder(folder);
            save();
        } catch (IOException e) {
            if (previous == null) {
                started.remove(record.studioId());
            } else {
                started.put(record.studioId(), previous);
            }
            if (added) {
                owned.remove(record.studioId());
            }
            throw new LedgerWriteException(record.name(), file(), e);
        }
    }

    /** The studio moved to {@code machine}: its record says so, on disk too while owned. */
    public synchronized void switched(String studioId, String machine) {
        OwnedStudio record = started.get(studioId);
        if (record != null) {
            started.put(studioId, record.on(machine));
            if (owned.contains(studioId)) {
                saveOrWarn("studio '" + record.name() + "'");
            }
        }
    }

    /**
     * The server refused the start: nothing runs, so it is no longer owned, and its record is
     * {@code before} again, as it was before that start (null: it never ran here, no record).
     */
    public synchronized void refused(String studioId, OwnedStudio before) {
        release(studioId);
        if (before == null) {
            started.remove(studioId);
        } else {
            started.put(studioId, before);
        }
    }

    /** The studio's generation now: taken before a stop, handed to {@link #release(String, long)} after it. */
    public synchronized long generation(String studioId) {
        return generations.getOrDefault(studioId, 0L);
    }

    /**
     * As {@link #release(String)}, unless the studio was recorded again since {@code generation}
     * was read: a start on another thread while the stop ran is not what the stop stopped.
     */
    public synchronized boolean release(String studioId, long generation) {
        if (generation(studioId) != generation) {
            return false;
        }
        release(studioId);
        return true;
    }

    /** The studio was seen stopped or deleted, or is left running on purpose: no longer this process's to stop. */
    public synchronized void release(String studioId) {
        if (owned.remove(studioId) && persistent()) {
            saveOrWarn("studio '" + started.get(studioId).name() + "'");
        }
        if (leases != null) {
            leases.release(studioId);
        }
    }

    /** {@code keepRunning()} for the whole run: nothing started is this process's to stop any more. */
    public synchronized void releaseAll() {
        if (!owned.isEmpty()) {
            List<String> names = new ArrayList<>();
            owned.forEach(id -> names.add("'" + started.get(id).name() + "'"));
            List<String> ids = new ArrayList<>(owned);
            owned.clear();
            if (persistent()) {
                saveOrWarn("studio(s) " + String.join(", ", names));
            }
            if (leases != null) {
                ids.forEach(leases::release);
            }
        }
    }

    /** A record that stays by mistake is harmless for a stopped studio (cleanup drops it), not for one kept running: say so. */
    private void saveOrWarn(String released) {
        if (!persistent()) {
            return;
        }
        try {
            save();
        } catch (IOException e) {
            warnings.accept("could not update the ledger at " + file() + ": " + OwnershipFiles.reason(e)
                    + "; once this run ends, 'lstudio cleanup' would stop " + released + " if still running");
        }
    }

    private void save() throws IOException {
        Path file = file();
        List<OwnedStudio> onDisk = studios();
        if (onDisk.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            OwnershipFiles.write(file, new OwnershipFiles.Content(OwnershipFiles.FORMAT, owner(), onDisk), writer);
        }
    }

    private String runId() {
        return OwnershipFiles.runId(owner());
    }

    private Owner owner() {
        if (owner == null) {
            owner = ownerSupplier.get();
        }
        return owner;
    }

    @Override
    public String toString() {
        return folder == null ? "Ownership[in memory]" : "Ownership[" + folder + "]";
    }
}
