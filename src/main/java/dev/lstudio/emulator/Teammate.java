package dev.lstudio.emulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A second member of the default teamspace, with a stopped Studio of their own: on the live service
 * a shared teamspace lists everyone's Studios unless {@code userId} filters them, and a lookup by
 * name alone finds a teammate's Studio. Without one, a client that forgets that passes every test.
 */
final class Teammate {
    static final String USERNAME = "teammate";
    static final String STUDIO = "shared-box";

    private Teammate() {
    }

    /** Stable across restarts, and distinct per teamspace, like the project ids. */
    static String userId(String projectId) {
        return UUID.nameUUIDFromBytes((USERNAME + "|" + projectId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Adds the teammate's Studio to the default teamspace unless it is there; the caller holds the store lock. */
    static void seed(Store store, Memberships teamspaces) {
        Memberships.Teamspace home = teamspaces.all().get(0);
        if (store.byName(home.projectId(), STUDIO) != null) {
            return;
        }
        StudioRecord s = new StudioRecord();
        s.id = UUID.nameUUIDFromBytes((STUDIO + "|" + home.projectId()).getBytes(StandardCharsets.UTF_8)).toString();
        s.name = STUDIO;
        s.displayName = "Shared Box";
        s.description = "The teammate's Studio";
        s.projectId = home.projectId();
        s.userId = userId(home.projectId());
        s.clusterId = StudioEndpoints.DEFAULT_CLUSTER;
        s.createdAt = PhaseMachine.now();
        s.updatedAt = s.createdAt;
        s.inUse = new StudioRecord.Instance(StudioRecord.STOPPED, "inst-" + s.id.substring(0, 18), s.machine, false, null,
                s.createdAt);
        StudioFiles.createDir(store.dir(s));
        store.add(s);
    }

    /** Whose Studio it is, for the admin API. */
    static String owner(StudioRecord s, Store.Identity you) {
        return s.userId.equals(you.userId()) ? you.username() : s.userId.equals(userId(s.projectId)) ? USERNAME
                : s.userId;
    }
}
