package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** {@code GET .../endpoints} answer. */
public record EndpointList(List<Endpoint> endpoints, @JsonAlias("next_page_token") String nextPageToken) {
    public EndpointList {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }
}
