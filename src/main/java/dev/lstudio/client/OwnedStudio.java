package dev.lstudio.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One studio in the ledger of owned studios: what {@code lstudio cleanup} needs to find it
 * again and stop it when the run that started it died. Where and as whom the API was called
 * (base URL and user id, never the API key), the teamspace's project id, the studio's id and
 * name, the machine it was started on, and when it was recorded.
 */
public record OwnedStudio(String api, String userId, String projectId, String teamspace, String studioId,
                          String name, String machine, Instant recorded) {

    public OwnedStudio {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(studioId, "studioId");
        Objects.requireNonNull(name, "name");
    }

    /** The record for {@code studio}, about to be started on {@code machine} now. */
    public static OwnedStudio of(Studio studio, String machine) {
        var api = studio.api();
        return new OwnedStudio(api.baseUrl().toString(), api.userId(), studio.teamspace().projectId(),
                studio.teamspace().label(), studio.id(), studio.name(), machine, Instant.now());
    }

    /** Whether it was started with the same API and user as {@code client} calls now. */
    boolean sameAccount(LightningClient client) {
        return api.equals(client.api().baseUrl().toString()) && Objects.equals(userId, client.api().userId());
    }
}
