package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A download of a file or a folder: the listing says which it is and gives the sizes (one listing
 * for a folder, all of it), each file goes to its place under the local target, and the record of
 * what was received is saved at the end, however it went.
 */
final class DownloadJobs {
    private final StudioRef studio;

    DownloadJobs(StudioRef studio) {
        this.studio = studio;
    }

    /** {@code byName}: {@code local} is the folder to receive into, the file or folder keeping its own name. */
    TransferReport run(String remote, Path local, TransferOptions options, boolean byName) {
        String path = RemotePaths.normalize(remote, studio.name());
        RemoteListing listing = studio.listing();
        boolean folder = RemotePaths.folderForm(remote) || path.isEmpty();
        RemoteFile entry = null;
        if (!folder) {
            entry = find(listing, path).orElseThrow(() -> studio.gone(path, "file or folder"));
            folder = entry.folder();
        }
        boolean here = byName || local == null;
        Path base = (local == null ? Path.of("") : local).toAbsolutePath().normalize();
        List<FileTransfer> files = new ArrayList<>();
        List<RemoteFile> remoteFiles = new ArrayList<>();
        if (!folder) {
            files.add(new FileTransfer(TransferDirection.DOWN, here || Files.isDirectory(base) ? base.resolve(entry.name()) : base,
                    path, entry.size()));
            remoteFiles.add(entry);
        } else {
            // The folder's contents land in the local folder named, there or not (as the SDK's
            // download_folder), so a rerun fills the same place; with none named, a folder of its name here.
            Path root = here && !path.isEmpty() ? base.resolve(RemotePaths.name(path)) : base;
            for (RemoteFile f : listing.entries(path, true).orElseThrow(() -> studio.gone(path, "folder"))) {
                if (!f.folder()) {
                    String relative = RemotePaths.normalize(path.isEmpty() ? f.path() : f.path().substring(path.length() + 1),
                            studio.name()); // a listing's path must not reach outside the target either
                    files.add(new FileTransfer(TransferDirection.DOWN, root.resolve(relative), f.path(), f.size()));
                    remoteFiles.add(f);
                }
            }
        }
        Checksums sums = studio.checksums(options);
        Downloads downloads = new Downloads(studio);
        List<TransferRun.Job> jobs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileTransfer file = files.get(i);
            RemoteFile there = remoteFiles.get(i);
            jobs.add(new TransferRun.Job(file, meter -> {
                if (options.skipSame() && same(file, there, sums.get(file.remote()))) {
                    return FileResult.Outcome.SKIPPED;
                }
                downloads.receive(file, meter);
                if (sums.kept() && there.lastModified() != null) {
                    sums.put(file.remote(), new Checksums.Entry(there.size(), there.lastModified().toString(),
                            Checksums.crc32c(file.local())));
                }
                return FileResult.Outcome.RECEIVED;
            }));
        }
        try {
            return new TransferRun(TransferDirection.DOWN, options, studio.name()).run(jobs);
        } finally {
            try {
                sums.save();
            } catch (IOException | RuntimeException e) {
                // the record only saves a later transfer: without it the files are simply received again
            }
        }
    }

    /**
     * The same file is here: its size and CRC-32C are those recorded when lstudio received it, and
     * the listing shows the size and lastModified recorded then (the listing has no checksum).
     */
    static boolean same(FileTransfer file, RemoteFile there, Checksums.Entry recorded) throws IOException {
        if (recorded == null || there.lastModified() == null || !Files.isRegularFile(file.local())) {
            return false;
        }
        long size = Files.size(file.local());
        return size == there.size() && size == recorded.size()
                && there.lastModified().toString().equals(recorded.lastModified())
                && Checksums.crc32c(file.local()).equals(recorded.crc32c());
    }

    static java.util.Optional<RemoteFile> find(RemoteListing listing, String path) {
        if (path.isEmpty()) {
            return java.util.Optional.of(new RemoteFile("", true, 0, null));
        }
        return listing.entries(RemotePaths.parent(path), false).orElse(List.of()).stream()
                .filter(f -> f.path().equals(path)).findFirst();
    }
}
