package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints (exposed ports: add, list, delete) and a studio's open ports. */
final class PortEndpoints {
    private static final String PORT = "ENDPOINT_PLUGIN_PORT";
    private static final List<String> TYPES = List.of("ENDPOINT_UNSPECIFIED", "ENDPOINT_PLUGIN_API", PORT);
    /** The reference's types; an endpoint on a Studio's port is ENDPOINT_PLUGIN_PORT on the live service. */
    private static final List<String> REFERENCE_TYPES = List.of("V1_ENDPOINT_TYPE_PRIVATE", "V1_ENDPOINT_TYPE_PUBLIC");

    private final Store store;
    private final Memberships teamspaces;
    private final ShellSessions commands;

    PortEndpoints(Store store, Memberships teamspaces, ShellSessions commands) {
        this.store = store;
        this.teamspaces = teamspaces;
        this.commands = commands;
    }

    void register(Router r) {
        r.add("POST", "/v1/projects/{projectId}/endpoints", this::add)
                .add("GET", "/v1/projects/{projectId}/endpoints", this::list)
                .add("DELETE", "/v1/projects/{projectId}/endpoints/{id}", this::remove)
                .add("GET", "/v1/projects/{projectId}/cloudspaces/{id}/open-ports", this::openPorts);
    }

    /**
     * Live: {@code {"name", "ports": ["8080"], "cloudspace": {"cloudspaceId", "port", "type", "autoStart"}}};
     * the reference: flat {@code port}, {@code cloudspace_id}, {@code endpoint_type}.
     */
    private Reply add(Request req) {
        String projectId = req.param("projectId");
        teamspaces.require(projectId);
        JsonNode body = req.body();
        JsonNode target = Json.objectField(body, "cloudspace");
        long port = port(body, target);
        String studioId = Json.text(target, "cloudspace_id");
        if (studioId == null) {
            studioId = Json.text(body, "cloudspace_id");
        }
        if (studioId == null) {
            studioId = Json.text(body, "cloud_space_id");
        }
        if (studioId == null || studioId.isBlank()) {
            throw ApiError.invalid("cloudspace.cloudspaceId is required: the id of the studio whose port to expose");
        }
        String type = Json.text(target, "type");
        if (type == null) {
            type = Json.text(body, "endpoint_type");
        }
        String endpointType = type == null || type.isBlank() || REFERENCE_TYPES.contains(type) ? PORT : type;
        if (!TYPES.contains(endpointType)) {
            throw ApiError.invalid("cloudspace.type must be one of " + TYPES + ", not " + type);
        }
        String name = Json.text(body, "name");
        String id = studioId;
        return store.write(() -> {
            StudioRecord s = store.studio(projectId, id);
            for (Store.Endpoint e : store.endpoints()) {
                if (e.cloudspaceId().equals(s.id) && e.port() == port) {
                    throw ApiError.alreadyExists("port " + port + " of studio " + s.name + " is already exposed as endpoint "
                            + e.id());
                }
            }
            Store.Endpoint e = new Store.Endpoint("ep-" + UUID.randomUUID().toString().substring(0, 13), projectId,
                    s.id, name == null || name.isBlank() ? "port-" + port : name, (int) port, endpointType,
                    PhaseMachine.now(), store.identity().userId());
            store.putEndpoint(e);
            return Reply.json(Wire.Endpoint.of(e));
        });
    }

    /** The port from cloudspace.port, ports[0] (both strings live) or the reference's flat port. */
    private static long port(JsonNode body, JsonNode target) {
        Long port = Json.integer(target, "port");
        List<JsonNode> ports = Json.array(body, "ports");
        if (port == null && ports != null && !ports.isEmpty()) {
            port = Json.integer(Json.object().set("p", ports.get(0)), "p");
        }
        if (port == null) {
            port = Json.integer(body, "port");
        }
        if (port == null || port < 1 || port > 65535) {
            throw ApiError.invalid("the port must be a number from 1 to 65535, e.g. {\"ports\": [\"8080\"],"
                    + " \"cloudspace\": {\"cloudspaceId\": \"...\", \"port\": \"8080\", \"type\": \"" + PORT + "\"}}");
        }
        return port;
    }

    private Reply list(Request req) {
        String projectId = req.param("projectId");
        teamspaces.require(projectId);
        String studioId = req.query("cloudspaceId");
        return store.read(() -> Reply.json(new Wire.EndpointList(store.endpoints().stream()
                .filter(e -> e.projectId().equals(projectId))
                .filter(e -> studioId == null || studioId.isEmpty() || e.cloudspaceId().equals(studioId))
                .map(Wire.Endpoint::of).toList(), "")));
    }

    private Reply remove(Request req) {
        String projectId = req.param("projectId");
        return store.write(() -> {
            Store.Endpoint e = store.endpoint(req.param("id"));
            if (e == null || !e.projectId().equals(projectId)) {
                throw ApiError.notFound("endpoint " + req.param("id") + " not found in project " + projectId);
            }
            store.removeEndpoint(e.id());
            return Reply.empty();
        });
    }

    private Reply openPorts(Request req) {
        StudioRecord s = store.read(() -> store.studio(req.param("projectId"), req.param("id")));
        boolean running = store.read(s::isActive);
        List<Integer> ports = running ? List.copyOf(OpenPorts.listening(commands.processes(s.id))) : List.of();
        return Reply.json(Map.of("ports", ports));
    }
}
