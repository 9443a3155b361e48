package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** List, get, get-by-name, create, delete and runs of studios. */
final class StudioEndpoints {
    static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    static final String DEFAULT_CLUSTER = "lightning-cloud";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Store store;
    private final Memberships teamspaces;
    private final PhaseMachine lifecycle;
    private final Uploads uploads;

    StudioEndpoints(Store store, Memberships teamspaces, PhaseMachine lifecycle, Uploads uploads) {
        this.uploads = uploads;
        this.store = store;
        this.teamspaces = teamspaces;
        this.lifecycle = lifecycle;
    }

    void register(Router r) {
        String base = "/v1/projects/{projectId}/cloudspaces";
        r.add("GET", base, this::list)
                .add("POST", base, this::create)
                .add("GET", base + "/{id}", this::get)
                .add("DELETE", base + "/{id}", this::delete)
                .add("POST", base + "/{id}/runs", this::run)
                .add("GET", "/v1/users/{userName}/projects/{projectName}/cloudspaces/{name}/getbyname", this::getByName);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ApiError.invalid("name is required: a URL-safe lowercase name such as \"my-studio\"");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiError.invalid("name '" + name + "' is not valid: use lowercase letters, digits and hyphens"
                    + " (e.g. \"my-studio\"), 1 to 64 characters, starting and ending with a letter or digit");
        }
    }

    private Reply list(Request req) {
        String projectId = req.param("projectId");
        teamspaces.require(projectId);
        // As live: userId narrows to one user's Studios; without it a shared teamspace lists everyone's.
        String userId = req.query("userId");
        int limit = limit(req.query("limit"));
        long after = pageToken(req.query("pageToken"));
        String name = req.query("name");
        String clusterId = req.query("clusterId");
        boolean activeOnly = req.flag("activeOnly");
        boolean favorites = req.flag("isFavorite");
        return store.read(() -> {
            List<Wire.CloudSpace> page = new ArrayList<>();
            String next = "";
            for (StudioRecord s : store.studios()) {
                boolean wanted = s.projectId.equals(projectId) && s.seq > after
                        && (userId == null || userId.isEmpty() || s.userId.equals(userId))
                        && (name == null || name.isEmpty() || s.name.equals(name))
                        && (clusterId == null || clusterId.isEmpty() || s.clusterId.equals(clusterId))
                        && (!activeOnly || s.isActive()) && (!favorites || s.favorite);
                if (!wanted) {
                    continue;
                }
                if (page.size() == limit) {
                    next = token(page.isEmpty() ? after : seqOf(page.get(page.size() - 1)));
                    break;
                }
                page.add(Wire.cloudSpace(s));
            }
            return Reply.json(new Wire.CloudSpaceList(page, next));
        });
    }

    private long seqOf(Wire.CloudSpace c) {
        return store.byId(c.id()).seq;
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return Math.min(n, MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.invalid("limit must be a positive whole number, not '" + text + "'");
    }

    private static String token(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static final java.util.concurrent.atomic.AtomicLong FRESH = new java.util.concurrent.atomic.AtomicLong();

    /**
     * For the {@code endless-pages} fault: a token never issued before that lists from where the
     * request's own {@code pageToken} (in {@code rawQuery}) did, so the same page comes again.
     */
    static String samePageAgain(String rawQuery) {
        long after = 0;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith("pageToken=")) {
                after = pageToken(java.net.URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("after:" + after + ";" + FRESH.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
    }

    private static long pageToken(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (plain.startsWith("after:")) {
                int nonce = plain.indexOf(';');
                return Long.parseLong(plain.substring(6, nonce < 0 ? plain.length() : nonce));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiError.invalid("pageToken '" + text + "' was not issued by this server; pass the nextPageToken of"
                + " the previous page, or none for the first page");
    }

    private Reply get(Request req) {
        return store.read(() -> Reply.json(Wire.cloudSpace(store.studio(req.param("projectId"), req.param("id")))));
    }

    private Reply getByName(Request req) {
        Memberships.Teamspace t = teamspaces.byName(req.param("userName"), req.param("projectName"));
        return store.read(() -> {
            StudioRecord s = store.byName(t.projectId(), req.param("name"));
            if (s == null) {
                throw ApiError.notFound("no studio named '" + req.param("name") + "' in teamspace " + t.name());
            }
            Memberships.Teamspace home = teamspaces.require(s.projectId);
            String ownerId = home.ownerType().equals("user") ? store.identity().userId() : "org-" + home.owner();
            return Reply.json(new Wire.Located(Wire.cloudSpace(s),
                    new Wire.Project(home.projectId(), home.name(), home.name(), ownerId, home.ownerType())));
        });
    }

    private Reply create(Request req) {
        String projectId = req.param("projectId");
        teamspaces.require(projectId);
        JsonNode body = req.body();
        String name = Json.text(body, "name");
        checkName(name);
        Map<String, String> seeds = seedFiles(body);
        StudioRecord s = new StudioRecord();
        s.id = UUID.randomUUID().toString();
        s.name = name;
        s.projectId = projectId;
        s.userId = store.identity().userId();
        String displayName = Json.text(body, "display_name");
        s.displayName = displayName == null || displayName.isBlank() ? name : displayName;
        String cluster = Json.text(body, "cluster_id");
        s.clusterId = cluster == null || cluster.isBlank() ? DEFAULT_CLUSTER : cluster;
        s.source = Json.text(body, "source");
        s.environmentTemplateId = Json.text(body, "cloud_space_environment_template_id");
        s.disableSecrets = Boolean.TRUE.equals(Json.bool(body, "disable_secrets"));
        s.createdAt = PhaseMachine.now();
        s.updatedAt = s.createdAt;
        return store.write(() -> {
            requireFreeName(projectId, name);
            Path dir = store.dir(s);
            StudioFiles.createDir(dir);
            seeds.forEach((path, contents) -> StudioFiles.write(StudioFiles.inside(dir, path), contents));
            store.add(s);
            return Reply.json(Wire.cloudSpace(s));
        });
    }

    void requireFreeName(String projectId, String name) {
        if (store.byName(projectId, name) != null) {
            throw ApiError.alreadyExists("a studio named '" + name + "' already exists in teamspace "
                    + teamspaces.require(projectId).name() + "; pick another name or use the existing one");
        }
    }

    private static Map<String, String> seedFiles(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> files = Json.array(body, "seed_files");
        if (files == null) {
            return out;
        }
        Path probe = Path.of("/studio");
        for (JsonNode f : files) {
            String path = Json.text(f, "path");
            StudioFiles.inside(probe, path);
            String contents = Json.text(f, "contents");
            if (contents == null) {
                contents = Json.text(f, "content");
            }
            out.put(path, contents == null ? "" : contents);
        }
        return out;
    }

    private Reply delete(Request req) {
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            store.retire(lifecycle.discard(s));
            store.remove(s);
            StudioFiles.deleteTree(store.dir(s));
            uploads.discard(s.id);
            return Reply.empty();
        });
    }

    private Reply run(Request req) {
        JsonNode body = req.body();
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            String cluster = Json.text(body, "cluster_id");
            StudioRecord.Run run = new StudioRecord.Run("run-" + UUID.randomUUID().toString().substring(0, 13),
                    cluster == null ? s.clusterId : cluster, Boolean.TRUE.equals(Json.bool(body, "local_source")),
                    PhaseMachine.now());
            s.runs.add(run);
            if (s.runs.size() > 100) {
                s.runs.remove(0);
            }
            return Reply.json(new Wire.Run(run.id(), s.id, run.clusterId(), run.localSource(), run.createdAt()));
        });
    }
}
