package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ledger on disk of the studios this process started and still owns, so that a run killed
 * with SIGKILL (or a power cut) does not leave them running unseen: {@link LeftRunning} (the
 * {@code lstudio cleanup} command, and the start of the next run) finds the records of ended
 * owners and stops their studios.
 *
 * <p>A studio is {@link #record recorded} before the request that starts it goes out; if the
 * record cannot be written, it is not started ({@link LedgerWriteException}). Its record is
 * {@link #release released} once it is seen stopped or deleted, or when the caller leaves it
 * running on purpose ({@code keepRunning()}). A stop that failed leaves the record, so a later
 * cleanup tries again.
 *
 * <p>Each process writes only its own file ({@code owned/HOST-PID-STARTMILLIS.json}), so runs
 * that start studios at the same moment never rewrite each other's records, and a cleanup
 * reads every file without locking out writers. The file is rewritten whole, atomically, at
 * each change. Records name the API's base URL and the user id, never the API key.
 * Thread-safe.
 */
public final class OwnedStudios {
    private static final OwnedStudios NONE = new OwnedStudios(null, () -> null, null, w -> { });

    private final Path folder;
    private final Supplier<Owner> ownerSupplier;
    private final BytesWriter writer;
    private final Consumer<String> warnings;
    private final Map<String, OwnedStudio> studios = new LinkedHashMap<>();
    private Owner owner;

    /** Writes the bytes of a new ledger file to {@code temp} (created by the call); tests inject one that fails like a full disk. */
    @FunctionalInterface
    public interface BytesWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    private OwnedStudios(Path folder, Supplier<Owner> owner, BytesWriter writer, Consumer<String> warnings) {
        this.folder = folder;
        this.ownerSupplier = owner;
        this.writer = writer;
        this.warnings = warnings;
    }

    /**
     * A ledger that records nothing: for contexts whose studios cannot outlive the process (the
     * embedded emulator of {@code --emulator} brings every studio back stopped) and for specs.
     */
    public static OwnedStudios none() {
        return NONE;
    }

    /**
     * This process's records in {@code folder} (created 0700 at the first record), for a run of
     * {@code script} (a name for the messages); failures to drop a record go to {@code warnings}.
     */
    public static OwnedStudios in(Path folder, String script, Consumer<String> warnings) {
        return new OwnedStudios(Objects.requireNonNull(folder, "folder"), () -> Owner.current(script),
                LedgerFiles.SYNCED, Objects.requireNonNull(warnings, "warnings"));
    }

    /** As {@link #in(Path, String, Consumer)}, with the owner and the file writer given (specs). */
    public static OwnedStudios in(Path folder, Owner owner, BytesWriter writer, Consumer<String> warnings) {
        Objects.requireNonNull(owner, "owner");
        return new OwnedStudios(Objects.requireNonNull(folder, "folder"), () -> owner,
                Objects.requireNonNull(writer, "writer"), Objects.requireNonNull(warnings, "warnings"));
    }

    /** Whether records are kept at all ({@link #none()} keeps none). */
    public boolean enabled() {
        return folder != null;
    }

    /** This process's ledger file, or null for {@link #none()}. */
    public synchronized Path file() {
        return folder == null ? null : folder.resolve(LedgerFiles.fileName(owner()));
    }

    /** The studios recorded by this process now. */
    public synchronized List<OwnedStudio> studios() {
        return List.copyOf(studios.values());
    }

    /** Records {@code studio}, about to be started on {@code machine}; throws {@link LedgerWriteException} if it cannot. */
    public void record(Studio studio, String machine) {
        if (enabled()) {
            record(OwnedStudio.of(studio, machine));
        }
    }

    public synchronized void record(OwnedStudio studio) {
        if (!enabled()) {
            return;
        }
        OwnedStudio previous = studios.put(studio.studioId(), studio);
        try {
            LedgerFiles.createFolder(folder);
            save();
        } catch (IOException e) {
            if (previous == null) {
                studios.remove(studio.studioId());
            } else {
                studios.put(studio.studioId(), previous);
            }
            throw new LedgerWriteException(studio.name(), file(), e);
        }
    }

    /** The studio was seen stopped or deleted, or is left running on purpose: no longer this process's to stop. */
    public synchronized void release(String studioId) {
        OwnedStudio released = enabled() ? studios.remove(studioId) : null;
        if (released != null) {
            saveOrWarn("studio '" + released.name() + "'");
        }
    }

    /** {@code keepRunning()} for the whole run: nothing recorded is this process's to stop any more. */
    public synchronized void releaseAll() {
        if (enabled() && !studios.isEmpty()) {
            List<String> names = new ArrayList<>();
            studios.values().forEach(s -> names.add("'" + s.name() + "'"));
            studios.clear();
            saveOrWarn("studio(s) " + String.join(", ", names));
        }
    }

    /** A record that stays by mistake is harmless for a stopped studio (cleanup drops it), not for one kept running: say so. */
    private void saveOrWarn(String released) {
        try {
            save();
        } catch (IOException e) {
            warnings.accept("could not update the ledger at " + file() + ": " + LedgerFiles.reason(e)
                    + "; once this run ends, 'lstudio cleanup' would stop " + released + " if still running");
        }
    }

    private void save() throws IOException {
        Path file = file();
        if (studios.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            LedgerFiles.write(file, new LedgerFiles.Content(LedgerFiles.FORMAT, owner(), new ArrayList<>(studios.values())),
                    writer);
        }
    }

    private Owner owner() {
        if (owner == null) {
            owner = ownerSupplier.get();
        }
        return owner;
    }

    @Override
    public String toString() {
        return folder == null ? "OwnedStudios[none]" : "OwnedStudios[" + folder + "]";
    }
}
