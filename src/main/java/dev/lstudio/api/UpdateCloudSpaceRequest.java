package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of update ({@code PUT .../cloudspaces/{id}}) and of sleepconfig (display name left out). */
public record UpdateCloudSpaceRequest(
        @JsonProperty("display_name") String displayName,
        @JsonProperty("code_config") CodeConfig codeConfig) {
}
