package dev.lstudio.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one Studio, over the live artifacts API (api-facts.md, "Files in a Studio"):
 * they are there whether the Studio runs or not, so code can go up before a GPU is paid for.
 * Remote paths are relative to the content root ({@code /teamspace/studios/this_studio}); a
 * leading {@code /} or that root in front is taken off; a path that climbs out of it is refused.
 * A path ending in {@code /}, or a local folder, moves a folder.
 */
public final class StudioFiles {
    /** Where the content root is on the Studio's machine. */
    public static final String CONTENT_ROOT = "/teamspace/studios/this_studio";

    private final Context context;
    private final String projectId;
    private final String studioId;
    private final String clusterId;
    private final String studioName;

    StudioFiles(Context context, String projectId, String studioId, String clusterId, String studioName) {
        this.context = context;
        this.projectId = projectId;
        this.studioId = studioId;
        this.clusterId = clusterId;
        this.studioName = studioName;
    }

    /** The entries right under {@code folder} ("" or "/" for the root), folders first, then by name. */
    public List<RemoteFile> list(String folder) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every file (not folder) under {@code folder}, at any depth. */
    public List<RemoteFile> listAll(String folder) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The entry at {@code path}, file or folder; empty when there is none. */
    public Optional<RemoteFile> find(String path) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Sends {@code local} (a file, or a folder and all under it) to {@code remote}; a null or
     * blank {@code remote} means the local name at the root; a remote ending in {@code /} is a
     * folder to put it in. Throws {@link FileTransferException} before anything is sent when the
     * local path is missing or the remote one is outside the root; a file that fails after its
     * retries is in the report (the others go on), and the report's failures are thrown
     * together at the end as one {@link FileTransferException}.
     */
    public TransferReport upload(Path local, String remote, TransferOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Brings {@code remote} (a file, or a folder ending in {@code /} or found to be one) to
     * {@code local}: an existing local folder, or a path ending in the separator, receives it by
     * its name; null means the current folder. Each file is streamed to a temporary file beside
     * its target, its length checked, and only then renamed into place: a failed download never
     * leaves a half-written file where the file was.
     */
    public TransferReport download(String remote, Path local, TransferOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Removes a file, or a folder and all under it; {@link FileTransferException} (GONE) when there is none. */
    public void remove(String remote) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public String toString() {
        return "files of studio '" + studioName + "'";
    }
}
