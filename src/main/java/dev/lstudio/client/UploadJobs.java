package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An upload of a file or a folder: where each file goes, one listing of the remote side for the
 * skip decisions (and one after, for the record of what was sent: the service's lastModified is
 * only known then), and the work of each file.
 */
final class UploadJobs {
    private final StudioRef studio;

    UploadJobs(StudioRef studio) {
        this.studio = studio;
    }

    TransferReport run(Path local, String remote, TransferOptions options) {
        Path source = local.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new FileTransferException(Failure.REFUSED_VALUE, local.toString(), "there is no file or folder '" + local
                    + "' here (in " + Path.of("").toAbsolutePath() + "); give the path of an existing file or folder to upload", null);
        }
        boolean folder = Files.isDirectory(source);
        String name = source.getFileName() == null ? "" : source.getFileName().toString();
        // A folder's contents land in the folder named, there or not (as the SDK's upload_folder):
        // unlike cp, a second run puts them in the same place, not one level down.
        String target = remote == null || remote.isBlank() ? name
                : RemotePaths.folderForm(remote) && !folder ? RemotePaths.join(RemotePaths.normalize(remote, studio.name()), name)
                : RemotePaths.normalize(remote, studio.name());
        RemoteListing listing = studio.listing();
        Map<String, RemoteFile> there = byPath(folder ? listing.entries(target, true).orElse(List.of())
                : listing.entries(RemotePaths.parent(target), false).orElse(List.of()));
        if (!folder && there.containsKey(target) && there.get(target).folder()) {
            target = RemotePaths.join(target, name); // an existing folder receives the file by its name
            there = byPath(listing.entries(target.substring(0, target.lastIndexOf('/')), false).orElse(List.of()));
        }
        List<LocalTree.LocalFile> files = walk(source, folder, options);
        Checksums sums = studio.checksums(options);
        Map<String, String> sent = new ConcurrentHashMap<>();
        Uploads uploads = new Uploads(studio, options.parallel());
        List<TransferRun.Job> jobs = new ArrayList<>();
        for (LocalTree.LocalFile f : files) {
            FileTransfer transfer = new FileTransfer(TransferDirection.UP, f.path(),
                    folder ? RemotePaths.join(target, f.relative()) : target, f.size());
            RemoteFile existing = there.get(transfer.remote());
            jobs.add(new TransferRun.Job(transfer, meter -> {
                String sum = sums.kept() ? Checksums.crc32c(transfer.local()) : null;
                if (options.skipSame() && same(transfer, existing, sums.get(transfer.remote()), sum)) {
                    return FileResult.Outcome.SKIPPED;
                }
                uploads.send(transfer, options, meter);
                if (sum != null) {
                    sent.put(transfer.remote(), sum);
                }
                return FileResult.Outcome.SENT;
            }));
        }
        String listed = folder ? target : RemotePaths.parent(jobs.isEmpty() ? target : jobs.get(0).file().remote());
        try {
            return new TransferRun(TransferDirection.UP, options, studio.name()).run(jobs);
        } finally {
            record(sums, sent, jobs, listing, listed, folder);
        }
    }

    /**
     * The same file is there: the listing shows the size and lastModified recorded when lstudio
     * sent it, and the local content's CRC-32C is the one recorded (the listing has no checksum).
     */
    static boolean same(FileTransfer file, RemoteFile there, Checksums.Entry recorded, String sum) {
        return there != null && !there.folder() && recorded != null && sum != null && there.lastModified() != null
                && there.size() == file.size() && recorded.size() == file.size()
                && there.lastModified().toString().equals(recorded.lastModified()) && sum.equals(recorded.crc32c());
    }

    private void record(Checksums sums, Map<String, String> sent, List<TransferRun.Job> jobs, RemoteListing listing,
                        String folder, boolean recursive) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            Map<String, RemoteFile> now = byPath(listing.entries(folder, recursive).orElse(List.of()));
            for (TransferRun.Job job : jobs) {
                RemoteFile f = now.get(job.file().remote());
                String sum = sent.get(job.file().remote());
                if (sum != null && f != null && f.size() == job.file().size() && f.lastModified() != null) {
                    sums.put(f.path(), new Checksums.Entry(f.size(), f.lastModified().toString(), sum));
                }
            }
            sums.save();
        } catch (IOException | RuntimeException e) {
            // the record only saves a later transfer: without it the files are simply sent again
        }
    }

    private static List<LocalTree.LocalFile> walk(Path source, boolean folder, TransferOptions options) {
        try {
            return folder ? LocalTree.walk(source, options.ignoreFiles())
                    : List.of(new LocalTree.LocalFile(source, source.getFileName().toString(), Files.size(source)));
        } catch (IOException e) {
            throw new FileTransferException(Failure.REFUSED_VALUE, source.toString(), "could not read " + source + ": "
                    + e.getMessage() + "; check that it can be read", e);
        }
    }

    static Map<String, RemoteFile> byPath(List<RemoteFile> files) {
        return files.stream().collect(Collectors.toMap(RemoteFile::path, Function.identity(), (a, b) -> a));
    }
}
