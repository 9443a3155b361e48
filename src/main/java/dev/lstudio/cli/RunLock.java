package dev.lstudio.cli;

import dev.lstudio.client.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * An OS file lock that keeps two runs of the same script apart (overlapping cron runs). The
 * lock file is named by a hash of the script's lock key (see {@link ScriptSource}) and holds the
 * holder's pid, so the loser can say who has it. The OS drops the lock when the holder dies, however it dies.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for {@code key} (called {@code name} in messages) or fails at once. */
    static RunLock acquire(Path lockDir, String key, String name) throws Held, IOException {
        PrivateFiles.directories(lockDir);
        Path file = lockDir.resolve(hash(key) + ".lock");
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PrivateFiles.file(file));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (tests, or a script that runs itself)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            String[] holder = holder(file);
            throw new Held(holder[1] != null ? holder[1] : name, holder[0], file);
        }
        byte[] owner = (ProcessHandle.current().pid() + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The holder's pid ("unknown" if unreadable) and the name it ran the script by (null if unknown). */
    private static String[] holder(Path file) {
        try {
            java.util.List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String pid = lines.isEmpty() ? "" : lines.get(0).trim();
            String name = lines.size() > 1 && !lines.get(1).isBlank() ? lines.get(1).trim() : null;
            return new String[] {pid.isEmpty() ? "unknown" : pid, name};
        } catch (IOException e) {
            return new String[] {"unknown", null};
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Another process (or this one) holds the lock. */
    static final class Held extends Exception implements ExitCoded {
        private static final long serialVersionUID = 1L;

        Held(String name, String pid, Path file) {
            super("another run of " + name + " is in progress (pid " + pid + ", lock " + file
                    + "); wait for it to finish, or pass --no-lock to run anyway");
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.LOCKED;
        }
    }
}
