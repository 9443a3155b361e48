package dev.lstudio.dsl;

import dev.lstudio.api.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The port numbers of exposed endpoints: servers give {@code port}, a list of {@code ports} (as strings), or both. */
final class Ports {
    private Ports() {
    }

    static List<Integer> of(Endpoint endpoint) {
        List<Integer> ports = new ArrayList<>();
        if (endpoint.port() != null) {
            ports.add(endpoint.port());
        }
        if (endpoint.ports() != null) {
            for (String p : endpoint.ports()) {
                try {
                    int n = Integer.parseInt(p.strip());
                    if (!ports.contains(n)) {
                        ports.add(n);
                    }
                } catch (NumberFormatException e) {
                    // a port range or name this DSL does not handle: leave it out
                }
            }
        }
        return ports;
    }

    static String all(List<Endpoint> endpoints) {
        return endpoints.stream().flatMap(e -> of(e).stream()).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
