package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upload, as the live artifacts API does it: sign (POST .../blobs) answers presigned storage URLs,
 * the bytes go straight to storage, and complete (POST .../blobs/complete) puts the file in place.
 */
final class UploadEndpoints {
    private final Store store;
    private final UrlSigner signer;
    private final Uploads uploads;

    UploadEndpoints(Store store, UrlSigner signer, Uploads uploads) {
        this.store = store;
        this.signer = signer;
        this.uploads = uploads;
    }

    void register(Router r) {
        r.add("POST", ArtifactEndpoints.BASE + "/blobs", this::sign)
                .add("POST", ArtifactEndpoints.BASE + "/blobs/complete", this::complete);
    }

    private static List<JsonNode> blobs(Request req, String example) {
        List<JsonNode> blobs = Json.array(req.body(), "blobs");
        if (blobs == null || blobs.isEmpty()) {
            throw ApiError.invalid("'blobs' is required: a list of files, e.g. " + example);
        }
        return blobs;
    }

    private Reply sign(Request req) {
        ArtifactEndpoints.Place at = ArtifactEndpoints.place(store, req);
        String projectId = req.param("projectId");
        String studioId = req.param("id");
        List<FilesWire.SignResult> results = new ArrayList<>();
        for (JsonNode blob : blobs(req, "{\"blobs\": [{\"path\": \"data/x.bin\"}]}")) {
            String path = at.relative(StudioFiles.content(at.dir(), required(blob, "path"), false));
            String uploadId = Json.text(blob, "upload_id");
            if (uploadId != null) {
                results.add(resign(blob, projectId, studioId, path, uploadId));
                continue;
            }
            Long parts = Json.integer(blob, "parts");
            Long partSize = Json.integer(blob, "part_size");
            String contentType = Json.text(blob, "content_type");
            Map<String, String> headers = contentType == null ? null : Map.of("Content-Type", contentType);
            if (parts == null) {
                Uploads.Upload u = uploads.begin(studioId, path, 0, null);
                String url = signer.url("PUT", projectId, studioId, path, u.id, 1);
                results.add(new FilesWire.SignResult(path, null, List.of(new FilesWire.SignedUrl(url, null, headers)), true));
                continue;
            }
            checkParts(path, parts, partSize);
            Uploads.Upload u = uploads.begin(studioId, path, parts.intValue(), partSize);
            List<FilesWire.SignedUrl> urls = new ArrayList<>();
            for (int n = 1; n <= parts; n++) {
                urls.add(new FilesWire.SignedUrl(signer.url("PUT", projectId, studioId, path, u.id, n), n, headers));
            }
            results.add(new FilesWire.SignResult(path, u.id, urls, true));
        }
        return Reply.json(new FilesWire.SignAnswer(results));
    }

    private static void checkParts(String path, long parts, Long partSize) {
        if (parts < 1 || parts > Uploads.MAX_PARTS) {
            throw ApiError.invalid("parts of '" + path + "' is " + parts + "; a multipart upload has 1 to "
                    + Uploads.MAX_PARTS + " parts (grow part_size to fit)");
        }
        if (parts > 1 && (partSize == null || partSize < Uploads.MIN_PART)) {
            throw ApiError.invalid("part_size of '" + path + "' is " + (partSize == null ? "missing" : partSize + " bytes")
                    + "; parts of a multipart upload are at least 5 MiB (" + Uploads.MIN_PART + " bytes), all but the last");
        }
    }

    private FilesWire.SignResult resign(JsonNode blob, String projectId, String studioId, String path, String uploadId) {
        Uploads.Upload u = upload(studioId, path, uploadId);
        List<JsonNode> numbers = Json.array(blob, "part_numbers");
        if (numbers == null || numbers.isEmpty()) {
            throw ApiError.invalid("re-signing upload " + uploadId + " needs 'part_numbers', e.g. [3, 7]");
        }
        List<FilesWire.SignedUrl> urls = new ArrayList<>();
        for (JsonNode n : numbers) {
            int part = partNumber(n, u);
            urls.add(new FilesWire.SignedUrl(signer.url("PUT", projectId, studioId, path, u.id, part), part, null));
        }
        return new FilesWire.SignResult(path, u.id, urls, true);
    }

    private Uploads.Upload upload(String studioId, String path, String uploadId) {
        Uploads.Upload u = uploads.get(uploadId);
        if (u == null || !u.multipart() || !u.studioId.equals(studioId) || !u.path.equals(path)) {
            throw ApiError.notFound("no upload " + uploadId + " of '" + path + "' in progress in this studio (completed,"
                    + " or never signed); start again with POST .../blobs and parts");
        }
        return u;
    }

    private static int partNumber(JsonNode n, Uploads.Upload u) {
        if (n == null || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > u.parts) {
            throw ApiError.invalid("part number " + n + " is not one of upload " + u.id + "'s parts 1.." + u.parts);
        }
        return n.asInt();
    }

    private static String required(JsonNode blob, String field) {
        String v = Json.text(blob, field);
        if (v == null || v.isEmpty()) {
            throw ApiError.invalid("every entry of 'blobs' needs a '" + field + "', relative to the Studio's content root,"
                    + " e.g. \"data/x.bin\"");
        }
        return v;
    }

    private Reply complete(Request req) throws IOException {
        ArtifactEndpoints.Place at = ArtifactEndpoints.place(store, req);
        String studioId = req.param("id");
        for (JsonNode blob : blobs(req, "{\"blobs\": [{\"path\": \"x.bin\", \"upload_id\": \"...\", \"parts\": [...]}]}")) {
            String path = at.relative(StudioFiles.content(at.dir(), required(blob, "path"), false));
            String uploadId = Json.text(blob, "upload_id");
            Uploads.Upload u = uploadId != null ? upload(studioId, path, uploadId) : uploads.single(studioId, path);
            if (u == null || u.staged.isEmpty()) {
                throw ApiError.invalid("nothing was uploaded for '" + path + "': PUT the bytes to the URL that"
                        + " POST .../blobs signed, then complete");
            }
            if (u.multipart()) {
                checkStaged(u, Json.array(blob, "parts"));
            }
            if (!uploads.claim(u)) {
                throw ApiError.notFound("upload of '" + path + "' was completed or discarded meanwhile; sign it again");
            }
            try {
                place(at, studioId, path, u.multipart() ? uploads.assemble(u) : u.staged.get(1).file());
            } finally {
                uploads.remove(u);
            }
        }
        return Reply.empty();
    }

    /** Every part 1..N listed once with the ETag its PUT answered; all but the last of the signed size. */
    private static void checkStaged(Uploads.Upload u, List<JsonNode> listed) {
        Map<Integer, String> etags = new HashMap<>();
        for (JsonNode p : listed == null ? List.<JsonNode>of() : listed) {
            int n = partNumber(Json.field(p, "part_number"), u);
            etags.put(n, Json.text(p, "etag"));
        }
        for (int n = 1; n <= u.parts; n++) {
            Uploads.Part staged = u.staged.get(n);
            String given = etags.get(n);
            if (!etags.containsKey(n)) {
                throw ApiError.invalid("part " + n + " of " + u.parts + " is missing from 'parts' of upload " + u.id
                        + ": list every part 1.." + u.parts + " with the ETag its PUT answered");
            }
            if (staged == null) {
                throw ApiError.invalid("part " + n + " of upload " + u.id + " was never uploaded: PUT it (re-sign it with"
                        + " upload_id and part_numbers [" + n + "]), then complete");
            }
            if (given == null || !unquote(given).equals(unquote(staged.etag()))) {
                throw ApiError.invalid("part " + n + "'s etag " + given + " is not the ETag its PUT answered ("
                        + staged.etag() + "); send the ETag header of the part's last PUT");
            }
            boolean last = n == u.parts;
            long size = staged.size();
            if (u.parts > 1 && (last ? u.partSize != null && size > u.partSize
                    : u.partSize != null ? size != u.partSize : size < Uploads.MIN_PART)) {
                throw ApiError.invalid("part " + n + " of upload " + u.id + " has " + size + " bytes; every part but the"
                        + " last covers part_size (" + u.partSize + ") bytes, the last at most that");
            }
        }
    }

    private static String unquote(String etag) {
        return etag.replace("\"", "");
    }

    /** Renames the bytes into place, under the store's lock so a deleted studio gets nothing. */
    private void place(ArtifactEndpoints.Place at, String studioId, String path, Path bytes) {
        store.read(() -> {
            if (store.byId(studioId) == null) {
                throw ApiError.notFound("studio " + studioId + " was deleted while its upload of '" + path + "' completed");
            }
            Path target = StudioFiles.content(at.dir(), path, false);
            try {
                if (Files.isDirectory(target)) {
                    throw ApiError.invalid("'" + path + "' is a folder in studio " + at.name() + "; upload to a file path"
                            + " or delete the folder first with DELETE .../trees/" + path);
                }
                Files.createDirectories(target.getParent());
                Files.move(bytes, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw ApiError.invalid("a parent of '" + path + "' is a file in studio " + at.name() + "; upload under"
                        + " another path or delete that file first");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not put '" + path + "' in place", e);
            }
            return null;
        });
    }
}
