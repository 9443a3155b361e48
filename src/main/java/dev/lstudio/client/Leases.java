package dev.lstudio.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a run leaves on each Studio it owns so that no host's disk is needed to stop it: a
 * {@link Lease} in the Studio's userMetadata, renewed every {@link LeaseSettings#renewEvery()}
 * while the run owns the Studio, and the dead man's switch: the service's own auto-sleep turned
 * on with a short idle limit, which the run's keep-alive holds off while it lives. When the run
 * gives the Studio up (stopped it, or {@code keepRunning()}), the lease is removed and the
 * auto-sleep it replaced is put back. {@link Ownership} calls {@link #claim} before the start
 * request and {@link #release} when it stops owning the Studio.
 *
 * <p>Every write of userMetadata (claim, renewal, removal) is one read and one full-replace
 * update; they take turns here, so a renewal can never put back a lease that was just removed.
 * A renewal or removal that fails is said once and never fails the run.
 */
public final class Leases implements AutoCloseable {
    private final LeaseSettings settings;
    private final Consumer<String> warnings;
    private final Object writes = new Object();
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> warned = new HashSet<>();
    private ScheduledExecutorService renewer;
    private boolean closed;

    private record Held(Studio studio, Lease lease) {
    }

    private Leases(LeaseSettings settings, Consumer<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    public static Leases of(LeaseSettings settings, Consumer<String> warnings) {
        return new Leases(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(warnings, "warnings"));
    }

    public LeaseSettings settings() {
        return settings;
    }

    /**
     * Before the start request: writes the lease of run {@code run} by {@code owner} and turns the
     * dead man's switch on; returns the auto-sleep to put back later (null: it was not changed).
     * A Studio whose earlier lease (of a run that died) says what it had before keeps that: the
     * settings the user chose, not the dead run's switch. Throws {@link LeaseException} when
     * either cannot be written; then nothing is left changed that can be undone.
     */
    public SleepSettings claim(Studio studio, Owner owner, String run) {
        synchronized (writes) {
            Lease lease;
            Lease[] written = new Lease[1];
            try {
                SleepSettings now = studio.sleepSettings();
                boolean turnOn = settings.deadman() != null && !now.sleepsWithin(settings.deadman());
                studio.updateUserMetadata(metadata -> {
                    Lease earlier = Lease.in(metadata);
                    SleepSettings before = earlier != null && earlier.sleepBefore() != null ? earlier.sleepBefore()
                            : turnOn ? now : null;
                    Instant at = Instant.now();
                    written[0] = new Lease(run, owner.host(), owner.pid(), owner.script(), at,
                            at.plus(settings.lease()), before);
                    return written[0].into(metadata);
                });
                lease = written[0];
                if (turnOn) {
                    studio.autoSleep(settings.deadman());
                }
            } catch (RuntimeException e) {
                if (written[0] != null) { // the lease went on, the switch did not: take the lease off again
                    undo(studio, run, null, w -> { });
                }
                throw new LeaseException(studio.name(), e);
            }
            synchronized (this) {
                held.put(studio.id(), new Held(studio, lease));
                startRenewing();
            }
            return lease.sleepBefore();
        }
    }

    /**
     * The run no longer owns the Studio: its lease goes (only if it is still this run's) and the
     * auto-sleep it replaced comes back. Failures are warnings: the caller's stop or keep stands.
     */
    public void release(String studioId) {
        Held h;
        synchronized (this) {
            h = held.remove(studioId);
        }
        if (h != null) {
            synchronized (writes) {
                undo(h.studio, h.lease.run(), stillSwitched(h) ? h.lease.sleepBefore() : null, warnings);
            }
        }
    }

    /** Whether the Studio's auto-sleep is still the switch's: a script that set its own (autoSleep) keeps it. */
    private boolean stillSwitched(Held h) {
        if (h.lease.sleepBefore() == null || settings.deadman() == null) {
            return h.lease.sleepBefore() != null;
        }
        try {
            SleepSettings now = h.studio.sleepSettings();
            return !Boolean.TRUE.equals(now.disableAutoShutdown()) && now.idleShutdownSeconds() != null
                    && now.idleShutdownSeconds() == settings.deadman().toSeconds();
        } catch (RuntimeException e) {
            return true; // cannot tell: put back what the user had
        }
    }

    /**
     * Removes run {@code run}'s lease from {@code studio} (any lstudio lease when null) and puts
     * {@code sleepBefore} back (nothing when null); says on {@code warnings} what failed. Also
     * what {@code cleanup --shared} does after it stops a Studio whose run is gone.
     */
    public static boolean undo(Studio studio, String run, SleepSettings sleepBefore, Consumer<String> warnings) {
        boolean ok = true;
        try {
            studio.updateUserMetadata(metadata -> {
                Lease now = Lease.in(metadata);
                return now != null && (run == null || run.equals(now.run())) ? Lease.without(metadata) : metadata;
            });
        } catch (RuntimeException e) {
            ok = false;
            if (!Failure.GONE.is(e)) {
                warnings.accept("could not remove the lease from " + studio + " (" + e.getMessage() + "): "
                        + "it expires by itself; 'lstudio cleanup --shared' may then stop the Studio if it runs");
            }
        }
        if (sleepBefore != null) {
            try {
                studio.sleep(sleepBefore);
            } catch (RuntimeException e) {
                ok = false;
                if (!Failure.GONE.is(e)) {
                    warnings.accept("could not put back the auto-sleep of " + studio + " (" + sleepBefore.describe()
                            + "): " + e.getMessage());
                }
            }
        }
        return ok;
    }

    /** Whether this run holds a lease on the Studio now. */
    public synchronized boolean holds(String studioId) {
        return held.containsKey(studioId);
    }

    /** Stops renewing; leases still held expire by themselves (a run that ends normally released them). */
    @Override
    public void close() {
        ScheduledExecutorService stopped;
        synchronized (this) {
            closed = true;
            stopped = renewer;
            renewer = null;
        }
        if (stopped != null) {
            stopped.shutdownNow();
        }
    }

    private void startRenewing() {
        if (renewer != null || closed) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lstudio-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long millis = settings.renewEvery().toMillis();
        renewer.scheduleWithFixedDelay(this::renewAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void renewAll() {
        List<Held> now;
        synchronized (this) {
            now = new ArrayList<>(held.values());
        }
        for (Held h : now) {
            synchronized (writes) {
                synchronized (this) {
                    if (held.get(h.studio.id()) != h) {
                        continue; // released meanwhile
                    }
                }
                renew(h);
            }
        }
    }

    private void renew(Held h) {
        try {
            h.studio.updateUserMetadata(metadata -> {
                Lease now = Lease.in(metadata);
                if (now == null || !now.run().equals(h.lease.run())) {
                    warnOnce(h.studio, "the lease of " + h.studio + " is gone or another run's now ("
                            + (now == null ? "none" : now.describe()) + "); this run does not take it back");
                    return metadata;
                }
                return now.renewed(Instant.now().plus(settings.lease())).into(metadata);
            });
        } catch (RuntimeException e) {
            warnOnce(h.studio, "renewing the lease of " + h.studio + " failed (" + e.getMessage()
                    + "); lstudio keeps trying. If it expires, 'lstudio cleanup --shared' on another host may stop the Studio");
        }
    }

    private void warnOnce(Studio studio, String message) {
        boolean first;
        synchronized (this) {
            first = !closed && warned.add(studio.id());
        }
        if (first) {
            warnings.accept(message);
        }
    }
}
