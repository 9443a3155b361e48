package dev.lstudio.client;

/**
 * How a transfer goes. {@code parallel} bounds the files (and parts) moving at once;
 * files above {@code multipartThreshold} bytes go up in parts of {@code partSize} (grown to fit
 * the service's 10,000 parts); {@code skipSame} leaves out files already there with the same size
 * and checksum; {@code ignoreFiles} makes an upload of a folder leave out what its
 * {@code .gitignore} and {@code .lstudioignore} files exclude (and {@code .git} itself).
 * The listing gives sizes but no checksums, so {@code checksums} is the folder where lstudio keeps
 * what it moved (path, size, the service's modification time, SHA-256): a file counts as the same
 * only when its size matches and that record vouches for its content; null keeps no record (and
 * then nothing is skipped).
 */
public record TransferOptions(int parallel, long multipartThreshold, long partSize, boolean skipSame,
                              boolean ignoreFiles, TransferListener listener, java.nio.file.Path checksums) {
    public static final long MIB = 1024L * 1024;

    public TransferOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, not " + parallel);
        }
        if (partSize < 5 * MIB && multipartThreshold < Long.MAX_VALUE) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (storage refuses smaller parts)");
        }
        listener = listener == null ? TransferListener.NONE : listener;
    }

    /** The SDK's figures: multipart above 100 MiB in parts of 100 MiB; 8 at once; skip and ignore on. */
    public static TransferOptions defaults() {
        return new TransferOptions(8, 100 * MIB, 100 * MIB, true, true, TransferListener.NONE, null);
    }

    public TransferOptions withParallel(int n) {
        return new TransferOptions(n, multipartThreshold, partSize, skipSame, ignoreFiles, listener, checksums);
    }

    public TransferOptions withMultipart(long threshold, long size) {
        return new TransferOptions(parallel, threshold, size, skipSame, ignoreFiles, listener, checksums);
    }

    public TransferOptions withSkipSame(boolean on) {
        return new TransferOptions(parallel, multipartThreshold, partSize, on, ignoreFiles, listener, checksums);
    }

    public TransferOptions withIgnoreFiles(boolean on) {
        return new TransferOptions(parallel, multipartThreshold, partSize, skipSame, on, listener, checksums);
    }

    public TransferOptions withChecksums(java.nio.file.Path folder) {
        return new TransferOptions(parallel, multipartThreshold, partSize, skipSame, ignoreFiles, listener, folder);
    }

    public TransferOptions withListener(TransferListener l) {
        return new TransferOptions(parallel, multipartThreshold, partSize, skipSame, ignoreFiles, l, checksums);
    }
}
