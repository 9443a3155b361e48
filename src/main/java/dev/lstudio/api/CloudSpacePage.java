package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** One page of {@code GET .../cloudspaces}; the list is complete when {@code nextPageToken} is empty or absent. */
public record CloudSpacePage(
        List<CloudSpace> cloudspaces,
        @JsonAlias("next_page_token") String nextPageToken) {

    public CloudSpacePage {
        cloudspaces = cloudspaces == null ? List.of() : List.copyOf(cloudspaces);
    }
}
