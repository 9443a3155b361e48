package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One teamspace the caller belongs to ({@code GET /v1/memberships}). */
public record Membership(
        @JsonAlias("project_id") String projectId,
        String name,
        @JsonAlias("display_name") String displayName,
        @JsonAlias("owner_id") String ownerId,
        @JsonAlias("owner_type") String ownerType,
        @JsonAlias("owner_name") String ownerName,
        @JsonAlias("is_default") Boolean isDefault) {

    /** {@code ownerType} is "user" or "organization", in any case. */
    public boolean ownedByOrganization() {
        return ownerType != null && ownerType.equalsIgnoreCase("organization");
    }
}
