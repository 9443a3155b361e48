package dev.lstudio.client;

/**
 * How a transfer goes. {@code parallel} bounds the files (and parts) moving at once;
 * files above {@code multipartThreshold} bytes go up in parts of {@code partSize} (grown to fit
 * the service's 10,000 parts); {@code skipSame} leaves out files already there with the same size
 * and checksum; {@code ignoreFiles} makes an upload of a folder leave out what its
 * {@code .gitignore} and {@code .lstudioignore} files exclude (and {@code .git} itself).
 * The listing gives sizes but no checksums, so {@code checksums} is the folder where lstudio keeps
 * what it moved (path, size, the service's modification time, CRC-32C): a file counts as the same
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

    /**
     * The defaults, with the Lightning SDK's own settings where the environment has them, so a
     * job tuned for the SDK moves files the same way: {@code LIGHTNING_MULTIPART_THRESHOLD} and
     * {@code LIGHTNING_MULTI_PART_PART_SIZE} (bytes). A value that is no size exits 2 before any call.
     */
    public static TransferOptions from(java.util.Map<String, String> env) {
        TransferOptions d = defaults();
        long threshold = bytes(env, "LIGHTNING_MULTIPART_THRESHOLD", d.multipartThreshold);
        long part = bytes(env, "LIGHTNING_MULTI_PART_PART_SIZE", d.partSize);
        if (part < 5 * MIB) {
            throw new FileTransferException(Failure.SETTING, "LIGHTNING_MULTI_PART_PART_SIZE", "LIGHTNING_MULTI_PART_PART_SIZE="
                    + part + " is below 5 MiB, the smallest part storage takes: use at least " + 5 * MIB, null);
        }
        return d.withMultipart(threshold, part);
    }

    private static long bytes(java.util.Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FileTransferException(Failure.SETTING, name, name + "='" + value + "' is not a size in bytes: use e.g. "
                + name + "=" + 100 * MIB + " (100 MiB), or unset it", null);
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
