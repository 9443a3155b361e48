package dev.lstudio.client;

import java.time.Instant;

/**
 * One entry of a Studio's files: {@code path} is relative to the Studio's content root
 * ({@code /teamspace/studios/this_studio} on the machine), with {@code /} between names and no
 * leading {@code /}; a folder has size 0. {@code lastModified} is null when the service gave none.
 */
public record RemoteFile(String path, boolean folder, long size, Instant lastModified) {
    /** The last name of the path: {@code metrics.json} for {@code out/metrics.json}. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
