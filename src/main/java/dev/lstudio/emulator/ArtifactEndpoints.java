package dev.lstudio.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The artifacts API over each Studio's own directory (the folder its commands run in): list,
 * download (a redirect to presigned storage) and delete. Uploads are {@link UploadEndpoints}.
 */
final class ArtifactEndpoints {
    static final String BASE = "/v1/projects/{projectId}/artifacts/cloudspaces/{id}";

    private final Store store;
    private final UrlSigner signer;
    private final int pageSize;

    /** Where a request's Studio keeps its files, and what the listing says about it. */
    record Place(Path dir, String name, String clusterId) {
        /** The path relative to the content root, with '/' between segments, as the wire has it. */
        String relative(Path p) {
            return dir.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/');
        }
    }

    ArtifactEndpoints(Store store, UrlSigner signer, int pageSize) {
        this.store = store;
        this.signer = signer;
        this.pageSize = pageSize;
    }

    void register(Router r) {
        r.add("GET", BASE + "/trees/{path...}", this::list)
                .add("DELETE", BASE + "/trees/{path...}", this::deleteFolder)
                .add("GET", BASE + "/blobs/{path...}", this::download)
                .add("DELETE", BASE + "/blobs/{path...}", this::deleteFile);
    }

    static Place place(Store store, Request req) {
        return store.read(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            return new Place(store.dir(s), s.name, s.clusterId);
        });
    }

    private Reply list(Request req) throws IOException {
        Place at = place(store, req);
        Path folder = StudioFiles.content(at.dir(), req.param("path"), true);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.notFound("no folder '" + req.param("path") + "' in studio " + at.name() + (Files.exists(folder)
                    ? ": it is a file; download it with GET .../blobs/" + at.relative(folder) : "; list its parent folder"));
        }
        boolean recursive = req.flag("recursive");
        String after = cursor(req.query("cursor"));
        List<String> paths = new ArrayList<>();
        try (Stream<Path> found = recursive ? Files.walk(folder) : Files.list(folder)) {
            found.filter(p -> !p.equals(folder) && (!recursive || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)))
                    .forEach(p -> paths.add(folder.relativize(p).toString().replace('\\', '/')));
        } catch (UncheckedIOException e) {
            // a command removed something while we walked: list what is still there
        }
        paths.sort(null);
        List<FilesWire.Entry> page = new ArrayList<>();
        String next = "";
        for (String p : paths) {
            if (after != null && p.compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == pageSize) {
                next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        page.get(page.size() - 1).path().getBytes(StandardCharsets.UTF_8));
                break;
            }
            FilesWire.Entry e = entry(folder.resolve(p), p, at.clusterId());
            if (e != null) {
                page.add(e);
            }
        }
        return Reply.json(new FilesWire.Tree(page, next));
    }

    private static FilesWire.Entry entry(Path file, String path, String clusterId) {
        try {
            boolean folder = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
            String modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            return new FilesWire.Entry(path, folder ? "tree" : "blob", folder ? 0 : Files.size(file), clusterId, modified);
        } catch (IOException e) {
            return null;
        }
    }

    private static String cursor(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("cursor '" + text + "' was not issued by this server; pass the nextCursor of the"
                    + " previous page, or none for the first page");
        }
    }

    private Reply download(Request req) {
        Place at = place(store, req);
        Path file = StudioFiles.content(at.dir(), req.param("path"), false);
        if (!Files.isRegularFile(file)) {
            throw ApiError.notFound("no file '" + req.param("path") + "' in studio " + at.name() + (Files.isDirectory(file)
                    ? ": it is a folder; list it with GET .../trees/" + at.relative(file) : ""));
        }
        return Reply.redirect(signer.url("GET", req.param("projectId"), req.param("id"), at.relative(file), null, 0));
    }

    private Reply deleteFile(Request req) throws IOException {
        Place at = place(store, req);
        Path file = StudioFiles.content(at.dir(), req.param("path"), false);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.invalid("'" + req.param("path") + "' is a folder; use DELETE .../trees/" + at.relative(file)
                    + " to delete it with everything in it");
        }
        if (!Files.deleteIfExists(file)) {
            throw ApiError.notFound("no file '" + req.param("path") + "' in studio " + at.name());
        }
        return Reply.noContent();
    }

    private Reply deleteFolder(Request req) {
        Place at = place(store, req);
        Path folder = StudioFiles.content(at.dir(), req.param("path"), true);
        if (folder.equals(at.dir().toAbsolutePath().normalize())) {
            throw ApiError.invalid("refusing to delete the Studio's content root; delete the files and folders in it"
                    + " one by one");
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.notFound("no folder '" + req.param("path") + "' in studio " + at.name());
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.invalid("'" + req.param("path") + "' is a file; use DELETE .../blobs/" + at.relative(folder));
        }
        StudioFiles.deleteTree(folder);
        return Reply.noContent();
    }
}
