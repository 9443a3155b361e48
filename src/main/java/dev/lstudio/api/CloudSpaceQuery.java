package dev.lstudio.api;

/**
 * Filters of {@code GET .../cloudspaces}. {@code userId} is required by the server (without it
 * the answer is empty); the others are optional and left out of the URL when null.
 */
public record CloudSpaceQuery(
        String userId, String name, String clusterId, Integer limit, Boolean activeOnly, Boolean isFavorite) {

    public static CloudSpaceQuery forUser(String userId) {
        return new CloudSpaceQuery(userId, null, null, null, null, null);
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
