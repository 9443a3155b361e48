package dev.lstudio.client;

import dev.lstudio.api.CompleteBlobsRequest;
import dev.lstudio.api.SignBlobsRequest;
import dev.lstudio.api.SignedBlobs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Future;

/**
 * One file up: at or below the threshold in one PUT, above it in parts (of {@code partSize}, grown
 * so that no more than {@link #MAX_PARTS} are needed) sent {@code parallel} at a time. A PUT that
 * storage refuses for its signature (401/403), 429, 5xx or a dropped connection is sent again with
 * a fresh URL: a single part asks for a new one, a part is re-signed by upload id and number.
 * Multipart uploads are always completed; a single part only when the service asks for it.
 * Files and parts both run {@code parallel} at a time, so the PUTs themselves share {@code slots}
 * (one per {@code parallel}): a folder of large files never has parallel x parallel PUTs at once.
 */
final class Uploads {
    static final int MAX_PARTS = 10_000;

    private final StudioRef studio;
    private final Semaphore slots;

    Uploads(StudioRef studio, int parallel) {
        this.studio = studio;
        this.slots = new Semaphore(parallel);
    }

    void send(FileTransfer file, TransferOptions options, Meter meter) {
        if (file.size() <= options.multipartThreshold()) {
            single(file, meter);
        } else {
            multipart(file, partSize(file.size(), options.partSize()), options.parallel(), meter);
        }
    }

    /** {@code wanted}, or the least whole MiB that fits the file in {@link #MAX_PARTS}. */
    static long partSize(long size, long wanted) {
        if ((size + wanted - 1) / wanted <= MAX_PARTS) {
            return wanted;
        }
        long fit = (size + MAX_PARTS - 1) / MAX_PARTS;
        return (fit + TransferOptions.MIB - 1) / TransferOptions.MIB * TransferOptions.MIB;
    }

    private void single(FileTransfer file, Meter meter) {
        for (int attempt = 1; ; attempt++) {
            SignedBlobs.Result signed = first(sign(SignBlobsRequest.single(file.remote(), studio.clusterId())));
            Meter.Attempt bytes = meter.attempt();
            try {
                put(url(signed, null), file, 0, file.size(), bytes);
                if (signed.mustComplete()) {
                    complete(CompleteBlobsRequest.of(file.remote(), signed.uploadId(), null, studio.clusterId()));
                }
                return;
            } catch (RuntimeException e) {
                bytes.failed();
                if (!studio.retry().again(attempt, e)) {
                    throw e;
                }
            }
        }
    }

    private void multipart(FileTransfer file, long partSize, int parallel, Meter meter) {
        int count = (int) ((file.size() + partSize - 1) / partSize);
        SignedBlobs.Result signed = first(sign(SignBlobsRequest.multipart(file.remote(), count, partSize,
                studio.clusterId())));
        String uploadId = signed.uploadId();
        if (uploadId == null || uploadId.isEmpty()) {
            throw new IllegalStateException("the service started a multipart upload of '" + file.remote()
                    + "' without an upload id; report it");
        }
        ExecutorService pool = Workers.pool(Math.min(parallel, count), "lstudio-part");
        try {
            List<Future<CompleteBlobsRequest.Part>> parts = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                int number = n;
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, file.size() - offset);
                SignedBlobs.Url first = url(signed, number);
                parts.add(pool.submit(() -> part(file, uploadId, number, offset, length, first, meter)));
            }
            List<CompleteBlobsRequest.Part> done = new ArrayList<>();
            for (Future<CompleteBlobsRequest.Part> f : parts) {
                done.add(Workers.get(f));
            }
            done.sort(Comparator.comparingInt(CompleteBlobsRequest.Part::partNumber));
            complete(CompleteBlobsRequest.of(file.remote(), uploadId, done, studio.clusterId()));
        } finally {
            pool.shutdownNow();
        }
    }

    private CompleteBlobsRequest.Part part(FileTransfer file, String uploadId, int number, long offset, long length,
                                           SignedBlobs.Url url, Meter meter) {
        SignedBlobs.Url current = url;
        for (int attempt = 1; ; attempt++) {
            Meter.Attempt bytes = meter.attempt();
            try {
                if (current == null) {
                    current = url(first(sign(SignBlobsRequest.resign(file.remote(), uploadId, List.of(number),
                            studio.clusterId()))), number);
                }
                String etag = put(current, file, offset, length, bytes);
                if (etag == null || etag.isEmpty()) {
                    throw new IllegalStateException("storage stored part " + number + " of '" + file.remote()
                            + "' without giving an ETag, so the upload cannot be completed; report it");
                }
                return new CompleteBlobsRequest.Part(number, etag);
            } catch (RuntimeException e) {
                bytes.failed();
                current = null; // whatever failed, the next try has a freshly signed URL
                if (!studio.retry().again(attempt, e)) {
                    throw e;
                }
            }
        }
    }

    /** One PUT, in one of the slots (a part waiting for one holds nothing else). */
    private String put(SignedBlobs.Url url, FileTransfer file, long offset, long length, Meter.Attempt bytes) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send " + file.remote(), e);
        }
        try {
            return studio.api().putToStorage(url, file.local(), offset, length, bytes);
        } finally {
            slots.release();
        }
    }

    private static SignedBlobs.Result first(SignedBlobs answer) {
        if (answer.results().isEmpty()) {
            throw new IllegalStateException("the service signed no URL for the upload; try again, report it if it persists");
        }
        return answer.results().get(0);
    }

    /** The URL for part {@code number} (null: the single part's, the first one). */
    private static SignedBlobs.Url url(SignedBlobs.Result signed, Integer number) {
        for (SignedBlobs.Url u : signed.urls()) {
            if (number == null || number.equals(u.partNumber())) {
                return u;
            }
        }
        if (number != null && signed.urls().size() >= number && signed.urls().get(number - 1).partNumber() == null) {
            return signed.urls().get(number - 1); // numbered by position when the service leaves numbers out
        }
        throw new IllegalStateException("the service gave no signed URL" + (number == null ? "" : " for part " + number)
                + "; try again, report it if it persists");
    }

    private SignedBlobs sign(SignBlobsRequest request) {
        return studio.api().signUpload(studio.projectId(), studio.studioId(), request);
    }

    private void complete(CompleteBlobsRequest request) {
        studio.api().completeUpload(studio.projectId(), studio.studioId(), request);
    }
}
