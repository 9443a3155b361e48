package dev.lstudio.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    private final StudioRef studio;

    StudioFiles(Context context, String projectId, String studioId, String clusterId, String studioName) {
        this.studio = new StudioRef(context.api(), projectId, studioId, clusterId, studioName,
                new TransferRetry(context.waiter()));
    }

    /** The entries right under {@code folder} ("" or "/" for the root), folders first, then by name. */
    public List<RemoteFile> list(String folder) {
        String path = RemotePaths.normalize(folder, studio.name());
        List<RemoteFile> entries = new ArrayList<>(studio.listing().entries(path, false)
                .orElseThrow(() -> studio.gone(path, "folder")));
        entries.sort(Comparator.comparing((RemoteFile f) -> !f.folder()).thenComparing(RemoteFile::name));
        return entries;
    }

    /** Every file (not folder) under {@code folder}, at any depth, with root-relative paths, sorted by path. */
    public List<RemoteFile> listAll(String folder) {
        String path = RemotePaths.normalize(folder, studio.name());
        return studio.listing().entries(path, true).orElseThrow(() -> studio.gone(path, "folder")).stream()
                .filter(f -> !f.folder()).sorted(Comparator.comparing(RemoteFile::path)).toList();
    }

    /** The entry at {@code path}, file or folder, from its parent's listing; empty when there is none. */
    public Optional<RemoteFile> find(String path) {
        return DownloadJobs.find(studio.listing(), RemotePaths.normalize(path, studio.name()));
    }

    /**
     * Sends {@code local} (a file, or a folder and all under it) to {@code remote}; a null or
     * blank {@code remote} means the local name at the root. A folder's contents land in the
     * remote folder named, whether it is there or not (as the SDK's upload_folder: a rerun fills
     * the same place); a file goes to the path named, or by its name into a remote ending in
     * {@code /} or an existing folder. Throws {@link FileTransferException} before anything is sent when the
     * local path is missing or the remote one is outside the root; a file that fails after its
     * retries is in the report (the others go on), and the report's failures are thrown
     * together at the end as one {@link FileTransferException}.
     * With {@code skipSame}, a file is left out when the listing shows the size and lastModified
     * recorded when lstudio last moved it and the local CRC-32C is the recorded one: the listing
     * has no checksum, so without a record ({@code checksums} null) nothing is skipped.
     */
    public TransferReport upload(Path local, String remote, TransferOptions options) {
        Objects.requireNonNull(local, "local");
        return new UploadJobs(studio).run(local, remote, options == null ? TransferOptions.defaults() : options);
    }

    /**
     * Brings {@code remote} (a file, or a folder ending in {@code /} or found to be one) to
     * {@code local}: a folder's contents land in the local folder named, there or not (null: a
     * folder of its name in the current folder); a file goes to the path named, or by its name
     * into an existing local folder (null: the current folder).
     * Each file is streamed to a hidden {@code .partial} file beside its target, its length checked,
     * and only then renamed into place: a failed download never leaves a half-written file where the
     * file was. With {@code skipSame}, a file is left out when its local size and CRC-32C and the
     * listing's size and lastModified are those recorded (the listing has no checksum).
     */
    public TransferReport download(String remote, Path local, TransferOptions options) {
        return new DownloadJobs(studio).run(remote, local, options == null ? TransferOptions.defaults() : options, false);
    }

    /** As {@link #download}, into {@code folder} under the file's or folder's own name (what "no destination" means). */
    public TransferReport downloadInto(String remote, Path folder, TransferOptions options) {
        Objects.requireNonNull(folder, "folder");
        return new DownloadJobs(studio).run(remote, folder, options == null ? TransferOptions.defaults() : options, true);
    }

    /** Removes a file, or a folder and all under it; {@link FileTransferException} (GONE) when there is none. */
    public void remove(String remote) {
        String path = RemotePaths.normalize(remote, studio.name());
        if (path.isEmpty()) {
            throw new FileTransferException(Failure.REFUSED_VALUE, remote, "give the file or folder to remove;"
                    + " the whole of studio '" + studio.name() + "' cannot be removed this way", null);
        }
        RemoteFile entry = find(path).orElseThrow(() -> studio.gone(path, "file or folder"));
        if (entry.folder()) {
            studio.api().deleteFolder(studio.projectId(), studio.studioId(), path, studio.clusterId());
        } else {
            studio.api().deleteFile(studio.projectId(), studio.studioId(), path, studio.clusterId());
        }
    }

    @Override
    public String toString() {
        return "files of studio '" + studio.name() + "'";
    }
}
