package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A Studio as the API returns it ({@code V1CloudSpace}); only the fields lstudio reads. */
public record CloudSpace(
        String id,
        String name,
        @JsonAlias("display_name") String displayName,
        @JsonAlias("project_id") String projectId,
        @JsonAlias("user_id") String userId,
        @JsonAlias("cluster_id") String clusterId,
        @JsonAlias("code_status") CodeStatus codeStatus,
        @JsonAlias("code_config") CodeConfig codeConfig,
        CloudSpaceState state,
        @JsonAlias("is_favorite") Boolean isFavorite,
        @JsonAlias("created_at") String createdAt) {

    /** The phase of the instance in use as listed, or {@code null} when none is running. */
    public InstancePhase phase() {
        return codeStatus == null || codeStatus.inUse() == null ? null : codeStatus.inUse().phase();
    }
}
