package dev.lstudio.api;

import java.util.List;

/** {@code GET .../open-ports}: the ports listening on the Studio's instance, as strings. */
public record OpenPorts(List<String> ports) {
    public OpenPorts {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
