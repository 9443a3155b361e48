package dev.lstudio.api;

/**
 * One entry of a tree listing: {@code path} relative to the folder listed, {@code type} "blob" (a
 * file) or "tree" (a folder, size 0). {@code lastModified} is kept as the service's text (ISO-8601
 * today): a format it changes to must not fail a whole listing; the client reads it.
 * The listing carries no checksum.
 */
public record ArtifactEntry(String path, String type, long size, String clusterId, String lastModified) {
    public boolean folder() {
        return "tree".equals(type);
    }
}
