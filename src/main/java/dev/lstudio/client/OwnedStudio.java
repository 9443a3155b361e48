package dev.lstudio.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ownership record of one studio a run started: the one record of it, read by the run's
 * teardown guards and exit summary (through {@link Ownership}) and, while the run owns it, kept
 * on disk for {@code lstudio cleanup} ({@link Cleanup}) to find it again and stop it when the run
 * died. Where and as whom the API was called (base URL and user id, never the API key), the
 * teamspace's project id and label, the studio's id and name, the machine it runs on now, the
 * machines it ran on in this run in order (starts on another machine and switches), and when it
 * was first recorded. Immutable: each change is a new record.
 */
public record OwnedStudio(String api, String userId, String projectId, String teamspace, String studioId,
                          String name, String machine, List<String> machines, Instant recorded,
                          SleepSettings sleepBefore) {

    /**
     * A file written by an older lstudio has no {@code machines}: the one it names is the history;
     * nor {@code sleepBefore} (the auto-sleep a dead man's switch replaced, to be put back): its
     * run changed no auto-sleep.
     */
    @JsonCreator
    public OwnedStudio(@JsonProperty("api") String api, @JsonProperty("userId") String userId,
                       @JsonProperty("projectId") String projectId, @JsonProperty("teamspace") String teamspace,
                       @JsonProperty("studioId") String studioId, @JsonProperty("name") String name,
                       @JsonProperty("machine") String machine, @JsonProperty("machines") List<String> machines,
                       @JsonProperty("recorded") Instant recorded,
                       @JsonProperty("sleepBefore") SleepSettings sleepBefore) {
        this.api = Objects.requireNonNull(api, "api");
        this.userId = userId;
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.teamspace = teamspace;
        this.studioId = Objects.requireNonNull(studioId, "studioId");
        this.name = Objects.requireNonNull(name, "name");
        this.machine = machine;
        this.machines = machines != null ? List.copyOf(machines) : machine == null ? List.of() : List.of(machine);
        this.recorded = recorded;
        this.sleepBefore = sleepBefore;
    }

    /** A record without a dead man's switch. */
    public OwnedStudio(String api, String userId, String projectId, String teamspace, String studioId,
                       String name, String machine, List<String> machines, Instant recorded) {
        this(api, userId, projectId, teamspace, studioId, name, machine, machines, recorded, null);
    }

    /** A record as an older lstudio wrote it: one machine. */
    public OwnedStudio(String api, String userId, String projectId, String teamspace, String studioId,
                       String name, String machine, Instant recorded) {
        this(api, userId, projectId, teamspace, studioId, name, machine, null, recorded);
    }

    /** The record for {@code studio}, about to be started on {@code machine} now. */
    public static OwnedStudio of(Studio studio, String machine) {
        var api = studio.api();
        return new OwnedStudio(api.baseUrl().toString(), api.userId(), studio.teamspace().projectId(),
                studio.teamspace().label(), studio.id(), studio.name(), machine, Instant.now());
    }

    /** The same studio on {@code machine} now: added to the history unless it is the machine already. */
    OwnedStudio on(String next) {
        List<String> history = new ArrayList<>(machines);
        if (history.isEmpty() || !history.get(history.size() - 1).equals(next)) {
            history.add(next);
        }
        return new OwnedStudio(api, userId, projectId, teamspace, studioId, name, next, history, recorded, sleepBefore);
    }

    /** The same record, with the auto-sleep to put back when the run gives the Studio up. */
    OwnedStudio withSleepBefore(SleepSettings settings) {
        return new OwnedStudio(api, userId, projectId, teamspace, studioId, name, machine, machines, recorded, settings);
    }

    /** Whether it was started with the same API and user as {@code client} calls now. */
    boolean sameAccount(LightningClient client) {
        return api.equals(client.api().baseUrl().toString()) && Objects.equals(userId, client.api().userId());
    }
}
