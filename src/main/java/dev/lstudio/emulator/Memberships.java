package dev.lstudio.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The teamspaces (projects) the user is a member of: one per configured name, the first the default. */
final class Memberships {
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*");

    /** One membership; {@code owner} is the user, or the organization of an {@code org/teamspace} name. */
    record Teamspace(String projectId, String name, String owner, String ownerType, boolean isDefault) {
    }

    private final List<Teamspace> all = new ArrayList<>();

    Memberships(List<String> names, Store.Identity identity) {
        for (String full : names) {
            int slash = full.indexOf('/');
            String owner = slash < 0 ? identity.username() : full.substring(0, slash);
            String name = slash < 0 ? full : full.substring(slash + 1);
            String type = owner.equals(identity.username()) ? "user" : "organization";
            // Derived from user and name, so a restarted emulator keeps the same project ids.
            String id = UUID.nameUUIDFromBytes((identity.userId() + "|" + owner + "/" + name)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            all.add(new Teamspace(id, name, owner, type, all.isEmpty()));
        }
    }

    static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("teamspace '" + name + "' is not valid: use letters, digits, '.', '_'"
                    + " and '-', optionally as owner/teamspace");
        }
    }

    List<Teamspace> all() {
        return List.copyOf(all);
    }

    Teamspace require(String projectId) {
        for (Teamspace t : all) {
            if (t.projectId().equals(projectId)) {
                return t;
            }
        }
        throw ApiError.notFound("project " + projectId + " not found; GET /v1/memberships lists your teamspaces"
                + " and their projectId");
    }

    Teamspace byName(String owner, String name) {
        for (Teamspace t : all) {
            if (t.owner().equals(owner) && t.name().equals(name)) {
                return t;
            }
        }
        throw ApiError.notFound("no teamspace '" + name + "' owned by '" + owner + "'; GET /v1/memberships lists yours");
    }
}
