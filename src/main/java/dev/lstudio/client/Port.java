package dev.lstudio.client;

import dev.lstudio.api.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A port of a Studio exposed as an HTTPS endpoint: its {@code id} (to remove it by), its
 * {@code name}, the Studio it leads to, the port numbers inside the Studio it serves and the
 * {@code urls} that reach it.
 */
public record Port(String id, String name, String studioId, List<Integer> numbers, List<String> urls) {

    public Port {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        urls = urls == null ? List.of() : List.copyOf(urls);
    }

    /** The first port number, or null when the server named none that is a number. */
    public Integer number() {
        return numbers.isEmpty() ? null : numbers.get(0);
    }

    /**
     * Servers give the port nested under {@code cloudspace} (live), a flat {@code port}, a list
     * of {@code ports} as strings, or several of them: every one that is a number counts, once.
     */
    static Port of(Endpoint endpoint) {
        List<Integer> numbers = new ArrayList<>();
        add(numbers, endpoint.portNumber());
        add(numbers, endpoint.port());
        if (endpoint.ports() != null) {
            for (String p : endpoint.ports()) {
                if (p != null && p.strip().matches("\\d{1,5}")) {
                    add(numbers, Integer.valueOf(p.strip()));
                }
            }
        }
        return new Port(endpoint.id(), endpoint.name(), endpoint.studioId(), numbers, endpoint.urls());
    }

    private static void add(List<Integer> numbers, Integer n) {
        if (n != null && !numbers.contains(n)) {
            numbers.add(n);
        }
    }
}
