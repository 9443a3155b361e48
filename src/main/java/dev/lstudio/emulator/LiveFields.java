package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of request body fields the live service has, per endpoint, read from the SDK's
 * generated models (their attribute_map; Lightning-AI/sdk python/lightning_sdk/lightning_cloud/
 * openapi/models) and api-facts.md. The live protobuf JSON layer refuses a field it does not have;
 * a strict emulator does the same, so a client that sends a reference-only field (code_config,
 * session, cloudspace_id...) fails against the emulator before it fails against lightning.ai.
 * snake_case spellings of fields in the table are accepted, as protobuf JSON accepts them.
 * Endpoints not in the table are not checked.
 */
final class LiveFields {
    private static final String CLOUDSPACE = "/v1/projects/{projectId}/cloudspaces/{id}";

    /**
     * Allowed fields of one body, and of the objects nested in it that are checked too, by dotted
     * name ({@code "blobs.parts"}); a name that holds an array has each of its objects checked.
     */
    record Body(List<String> fields, Map<String, List<String>> nested) {
        Body(String... fields) {
            this(List.of(fields), Map.of());
        }
    }

    static final Map<String, Body> TABLE = new LinkedHashMap<>();

    static {
        // CloudSpaceServiceCreateCloudSpaceBody
        TABLE.put("POST /v1/projects/{projectId}/cloudspaces", new Body("canDownloadSourceCode",
                "cloudSpaceEnvironmentTemplateId", "cloudSpaceInstanceCpuImageOverride",
                "cloudSpaceInstanceGpuImageOverride", "clusterId", "computeName", "dataConnectionMounts",
                "disableSecrets", "diskSize", "displayName", "name", "orgId", "plugins", "requestedRunDurationSeconds",
                "sameComputeOnResume", "sandbox", "seedFiles", "source", "spot"));
        // CloudSpaceServiceUpdateCloudSpaceBody
        TABLE.put("PUT " + CLOUDSPACE, new Body("autoSwitchMachine", "codeUrl", "dataConnectionMounts",
                "description", "displayName", "env", "featured", "hideFiles", "isCloudspacePrivate", "isCodePrivate",
                "isFavorite", "isPublished", "license", "licenseUrl", "message", "multiUserEdit", "operatingCost",
                "paperAuthors", "paperOrg", "paperOrgAvatarUrl", "paperUrl", "publishWithComputeName",
                "switchToDefaultMachineOnIdle", "tags", "thumbnail", "thumbnailFileType", "userMetadata"));
        // CloudSpaceServiceUpdateCloudSpaceSleepConfigBody
        TABLE.put("PUT " + CLOUDSPACE + "/sleepconfig", new Body("disableAutoShutdown", "idleShutdownSeconds",
                "switchToDefaultMachineOnIdle"));
        // CloudSpaceServiceForkCloudSpaceBody
        TABLE.put("PUT " + CLOUDSPACE + "/fork", new Body("newName", "targetClusterId", "targetProjectId", "versionId"));
        // CloudSpaceServiceStartCloudSpaceInstanceBody (computeConfig: V1UserRequestedComputeConfig)
        TABLE.put("POST " + CLOUDSPACE + "/start", new Body("computeConfig", "desiredMachineId", "isForked"));
        // CloudSpaceServiceExecuteCommandInCloudSpaceBody
        TABLE.put("POST " + CLOUDSPACE + "/execute", new Body("command", "detached", "sessionName"));
        // the SDK sends {} every 30 s
        TABLE.put("POST " + CLOUDSPACE + "/keep-alive", new Body());
        // after create the SDK sends {"clusterId", "localSource"}
        TABLE.put("POST " + CLOUDSPACE + "/runs", new Body("clusterId", "localSource"));
        // the endpoint create body, as studio_api.py and go/studio.go build it
        TABLE.put("POST /v1/projects/{projectId}/endpoints", new Body(List.of("name", "ports", "cloudspace", "auth"),
                Map.of("cloudspace", List.of("cloudspaceId", "port", "type", "autoStart"))));
    }

    static {
        // the artifacts API, as notes/files-wire.md has it from the SDK (studio_api.py, utils.py)
        String blobs = "/v1/projects/{projectId}/artifacts/cloudspaces/{id}/blobs";
        TABLE.put("POST " + blobs, new Body(List.of("blobs", "clusterId"),
                Map.of("blobs", List.of("path", "contentType", "parts", "partSize", "uploadId", "partNumbers"))));
        TABLE.put("POST " + blobs + "/complete", new Body(List.of("blobs", "clusterId"),
                Map.of("blobs", List.of("path", "uploadId", "parts"), "blobs.parts", List.of("partNumber", "etag"))));
    }

    private LiveFields() {
    }

    /** Refuses (400, gRPC 3) the first body field the live service lacks at {@code METHOD PATTERN}. */
    static void check(String method, String pattern, JsonNode body) {
        String endpoint = method + " " + pattern;
        Body allowed = TABLE.get(endpoint);
        if (allowed == null || body == null || !body.isObject()) {
            return;
        }
        refuseUnknown(body, allowed.fields(), "", endpoint);
        allowed.nested().forEach((name, fields) -> {
            for (JsonNode inner : select(body, name.split("\\."))) {
                refuseUnknown(inner, fields, name + ".", endpoint);
            }
        });
    }

    /** The objects at a dotted name, descending into every element of the arrays on the way. */
    private static List<JsonNode> select(JsonNode body, String[] names) {
        List<JsonNode> at = List.of(body);
        for (String name : names) {
            List<JsonNode> next = new java.util.ArrayList<>();
            for (JsonNode node : at) {
                JsonNode inner = Json.field(node, snake(name));
                if (inner != null && inner.isArray()) {
                    inner.forEach(next::add);
                } else if (inner != null) {
                    next.add(inner);
                }
            }
            at = next;
        }
        return at.stream().filter(JsonNode::isObject).toList();
    }

    private static void refuseUnknown(JsonNode body, List<String> fields, String prefix, String endpoint) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(Json.camel(name))) {
                throw ApiError.invalid("unknown field \"" + prefix + name + "\" in " + endpoint + ": the live service"
                        + " takes " + (fields.isEmpty() ? "an empty body {}" : String.join(", ", fields))
                        + (prefix.isEmpty() ? "" : " in " + prefix.substring(0, prefix.length() - 1)));
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
