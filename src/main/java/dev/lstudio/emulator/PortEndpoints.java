package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints (exposed ports: add, list, delete) and a studio's open ports. */
final class PortEndpoints {
    private static final List<String> TYPES = List.of("V1_ENDPOINT_TYPE_PRIVATE", "V1_ENDPOINT_TYPE_PUBLIC");

    private final Store store;
    private final Teamspaces teamspaces;
    private final Commands commands;

    PortEndpoints(Store store, Teamspaces teamspaces, Commands commands) {
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

    private Reply add(Request req) {
        String projectId = req.param("projectId");
        teamspaces.require(projectId);
        JsonNode body = req.body();
        Long port = Json.integer(body, "port");
        if (port == null || port < 1 || port > 65535) {
            throw ApiError.invalid("port must be a number from 1 to 65535, e.g. {\"port\": 8080, \"cloudspace_id\": \"...\"}");
        }
        String studioId = Json.text(body, "cloudspace_id");
        if (studioId == null) {
            studioId = Json.text(body, "cloud_space_id");
        }
        if (studioId == null || studioId.isBlank()) {
            throw ApiError.invalid("cloudspace_id is required: the id of the studio whose port to expose");
        }
        String type = Json.text(body, "endpoint_type");
        String endpointType = type == null || type.isBlank() ? TYPES.get(0) : type;
        if (!TYPES.contains(endpointType)) {
            throw ApiError.invalid("endpoint_type must be one of " + TYPES + ", not " + type);
        }
        String name = Json.text(body, "name");
        String id = studioId;
        return store.write(() -> {
            Studio s = store.studio(projectId, id);
            for (Store.Endpoint e : store.endpoints()) {
                if (e.cloudspaceId().equals(s.id) && e.port() == port) {
                    throw ApiError.alreadyExists("port " + port + " of studio " + s.name + " is already exposed as endpoint "
                            + e.id());
                }
            }
            Store.Endpoint e = new Store.Endpoint("ep-" + UUID.randomUUID().toString().substring(0, 13), projectId,
                    s.id, name == null || name.isBlank() ? "port-" + port : name, port.intValue(), endpointType,
                    Lifecycle.now());
            store.putEndpoint(e);
            return Reply.json(Wire.Endpoint.of(e));
        });
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
        Studio s = store.read(() -> store.studio(req.param("projectId"), req.param("id")));
        boolean running = store.read(s::isActive);
        List<Integer> ports = running ? List.copyOf(OpenPorts.listening(commands.processes(s.id))) : List.of();
        return Reply.json(Map.of("ports", ports));
    }
}
