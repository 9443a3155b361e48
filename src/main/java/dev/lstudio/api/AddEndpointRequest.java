package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST .../endpoints} in the live form: the name, the ports as strings, and the
 * Studio port it leads to, nested under {@code cloudspace} with the type
 * {@code ENDPOINT_PLUGIN_PORT}.
 */
public record AddEndpointRequest(
        @JsonProperty("name") String name,
        @JsonProperty("ports") List<String> ports,
        @JsonProperty("cloudspace") EndpointTarget cloudspace) {

    public static AddEndpointRequest port(String cloudspaceId, int port, String name) {
        String text = Integer.toString(port);
        return new AddEndpointRequest(name, List.of(text),
                new EndpointTarget(cloudspaceId, text, EndpointType.PLUGIN_PORT, null));
    }
}
