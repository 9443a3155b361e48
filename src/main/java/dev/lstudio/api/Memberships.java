package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** {@code GET /v1/memberships} answer. */
public record Memberships(List<Membership> memberships, @JsonAlias("next_page_token") String nextPageToken) {
    public Memberships {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }
}
