package dev.lstudio.client;

/**
 * A teamspace (a project, in the API) the user belongs to. {@code owner} is the owning user's
 * or organization's name when known (the API gives only the owner's id: lstudio knows the
 * name for the user's own teamspaces, or when the server adds it), else null.
 */
public record Teamspace(String projectId, String name, String displayName, String owner, boolean organization,
                        boolean isDefault) {

    /** {@code owner/name} when the owner is known, else {@code name}. */
    public String label() {
        return owner == null ? name : owner + "/" + name;
    }
}
