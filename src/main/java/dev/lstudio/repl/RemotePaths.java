package dev.lstudio.repl;

import dev.lstudio.client.RemoteFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The folders of studios' files that TAB completes from, as last listed: by {@code files()} in
 * the session (handed on as it happens), or by a listing this class asks for in the background
 * when TAB finds a folder unknown or older than the TTL. TAB itself only reads memory, so a slow
 * or failing service never holds a keystroke; it completes from the next TAB on.
 */
public final class RemotePaths implements AutoCloseable {
    /** Lists one folder of one studio (a call: only ever made on this class's own thread). */
    @FunctionalInterface
    public interface Lister {
        List<RemoteFile> list(String studio, String folder);
    }

    private record Listing(Set<String> paths, long at) {
    }

    private final Lister lister;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lstudio-remote-paths");
        t.setDaemon(true);
        return t;
    });

    public RemotePaths(Lister lister, java.time.Duration ttl, LongSupplier nanoTime) {
        this.lister = lister;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** What {@code typed} can become in {@code studio}, from memory; an unknown or stale folder is listed in the background. */
    public List<Suggestion> suggest(String studio, String typed) {
        String folder = folderOf(typed);
        String key = studio + "\0" + folder;
        Listing known = listings.get(key);
        if ((known == null || nanoTime.getAsLong() - known.at() > ttlNanos) && asked.add(key)) {
            background.execute(() -> {
                try {
                    listed(studio, folder, lister.list(studio, folder));
                } catch (RuntimeException e) {
                    // no such folder, no network: keep what is known, try again at a later TAB
                } finally {
                    asked.remove(key);
                }
            });
        }
        return known == null ? List.of() : matching(known.paths(), typed);
    }

    /** Lists the root of {@code studio} in the background, unless known and fresh: a studio block was entered. */
    public void prefetch(String studio) {
        suggest(studio, "");
    }

    /**
     * A listing of {@code folder} (its entries, or with {@code recursive: true} every file under it):
     * each folder it shows is known from now on, and the listed one replaced.
     */
    public void listed(String studio, String folder, List<RemoteFile> entries) {
        Map<String, Set<String>> byFolder = new java.util.HashMap<>();
        String listedFolder = folder.replaceAll("^/+", "");
        byFolder.put(listedFolder.isEmpty() || listedFolder.endsWith("/") ? listedFolder : listedFolder + "/", new TreeSet<>());
        for (RemoteFile e : entries) {
            String[] names = e.path().replaceAll("^/+|/+$", "").split("/");
            StringBuilder parent = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                boolean isFolder = i < names.length - 1 || e.folder();
                String child = parent + names[i] + (isFolder ? "/" : "");
                byFolder.computeIfAbsent(parent.toString(), k -> new TreeSet<>()).add(child);
                parent.append(names[i]).append('/');
            }
        }
        long now = nanoTime.getAsLong();
        byFolder.forEach((f, paths) -> listings.put(studio + "\0" + f, new Listing(Set.copyOf(paths), now)));
    }

    /** The paths of {@code paths} that start as {@code typed} does and are in its folder; folders first. */
    static List<Suggestion> matching(java.util.Collection<String> paths, String typed) {
        String folder = folderOf(typed);
        List<Suggestion> folders = new ArrayList<>();
        List<Suggestion> files = new ArrayList<>();
        for (String p : new TreeSet<>(paths)) {
            String rest = p.startsWith(folder) ? p.substring(folder.length()) : null;
            if (rest == null || rest.isEmpty() || !p.startsWith(typed) || rest.indexOf('/') >= 0 && rest.indexOf('/') < rest.length() - 1) {
                continue;
            }
            (p.endsWith("/") ? folders : files).add(Suggestion.of(p, p.endsWith("/") ? "folder" : "file"));
        }
        folders.addAll(files);
        return folders;
    }

    /** {@code out/me} is in {@code out/}; {@code train} at the root. */
    static String folderOf(String typed) {
        int slash = typed.lastIndexOf('/');
        return slash < 0 ? "" : typed.substring(0, slash + 1);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
