package dev.lstudio.api;

import java.util.List;

/**
 * One page of {@code GET .../artifacts/cloudspaces/{id}/trees/{path}} (camelCase, as the live service
 * answers). {@code nextCursor} is empty or absent on the last page.
 */
public record ArtifactTree(List<ArtifactEntry> tree, String nextCursor) {
    public ArtifactTree {
        tree = tree == null ? List.of() : List.copyOf(tree);
    }

    public boolean last() {
        return nextCursor == null || nextCursor.isEmpty();
    }
}
