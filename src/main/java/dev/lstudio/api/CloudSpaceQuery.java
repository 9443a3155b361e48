package dev.lstudio.api;

/**
 * Filters of {@code GET .../cloudspaces}, each left out of the URL when null. {@code userId}
 * narrows the list to that user's Studios; the reference says the list is empty without it,
 * while the live service then lists the teamspace's (the SDK looks names up without it).
 */
public record CloudSpaceQuery(
        String userId, String name, String clusterId, Integer limit, Boolean activeOnly, Boolean isFavorite) {

    public static CloudSpaceQuery forUser(String userId) {
        return new CloudSpaceQuery(userId, null, null, null, null, null);
    }

    /** No user filter: the whole teamspace, as the live service lists it. */
    public static CloudSpaceQuery anyUser() {
        return new CloudSpaceQuery(null, null, null, null, null, null);
    }

    public CloudSpaceQuery withUserId(String user) {
        return new CloudSpaceQuery(user, name, clusterId, limit, activeOnly, isFavorite);
    }

    public CloudSpaceQuery withName(String studioName) {
        return new CloudSpaceQuery(userId, studioName, clusterId, limit, activeOnly, isFavorite);
    }

    public CloudSpaceQuery withClusterId(String cluster) {
        return new CloudSpaceQuery(userId, name, cluster, limit, activeOnly, isFavorite);
    }

    public CloudSpaceQuery withLimit(Integer pageSize) {
        return new CloudSpaceQuery(userId, name, clusterId, pageSize, activeOnly, isFavorite);
    }

    public CloudSpaceQuery withActiveOnly(Boolean active) {
        return new CloudSpaceQuery(userId, name, clusterId, limit, active, isFavorite);
    }

    public CloudSpaceQuery withFavorite(Boolean favorite) {
        return new CloudSpaceQuery(userId, name, clusterId, limit, activeOnly, favorite);
    }
}
