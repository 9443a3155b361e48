package dev.lstudio.client;

import dev.lstudio.api.ArtifactEntry;
import dev.lstudio.api.ArtifactTree;
import dev.lstudio.api.LightningApi;
import dev.lstudio.api.NotFoundException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The listing calls, every page followed by its cursor. Entries come relative to the folder
 * listed; these return them relative to the content root. A folder that is not there is empty
 * here ({@link #entries} callers decide whether that is a failure).
 */
final class RemoteListing {
    private final LightningApi api;
    private final String projectId;
    private final String studioId;
    private final String clusterId;

    RemoteListing(LightningApi api, String projectId, String studioId, String clusterId) {
        this.api = api;
        this.projectId = projectId;
        this.studioId = studioId;
        this.clusterId = clusterId;
    }

    /** Everything under {@code folder} (root-relative paths), all pages; empty when the folder is not there. */
    Optional<List<RemoteFile>> entries(String folder, boolean recursive) {
        List<RemoteFile> out = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        try {
            do {
                ArtifactTree page = api.listFiles(projectId, studioId, folder, clusterId, recursive, cursor);
                for (ArtifactEntry e : page.tree()) {
                    out.add(file(folder, e));
                }
                cursor = page.last() ? null : page.nextCursor();
                if (cursor != null && !cursors.add(cursor)) {
                    break; // a service handing the same cursor again would page forever
                }
            } while (cursor != null);
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static RemoteFile file(String folder, ArtifactEntry e) {
        String relative = e.path() == null ? "" : e.path().replaceAll("^/+|/+$", "");
        return new RemoteFile(RemotePaths.join(folder, relative), e.folder(), e.folder() ? 0 : e.size(), instant(e.lastModified()));
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notEither) {
                return null;
            }
        }
    }
}
