package dev.lstudio.client;

import dev.lstudio.api.Membership;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolving a teamspace from what a person types: {@code name} or {@code owner/name}, exact
 * first, then ignoring case (also against the display name). Never picks one of several.
 */
final class Teamspaces {
    static final String ENV = "LIGHTNING_TEAMSPACE";

    private Teamspaces() {
    }

    static Teamspace of(Membership m, CurrentUser me) {
        String owner = m.ownerName();
        if (owner == null && !m.ownedByOrganization() && me.id() != null && me.id().equals(m.ownerId())) {
            owner = me.username();
        }
        return new Teamspace(m.projectId(), m.name(), m.displayName(), owner, m.ownedByOrganization(),
                Boolean.TRUE.equals(m.isDefault()));
    }

    static Teamspace resolve(String spec, List<Teamspace> all) {
        String wanted = spec.strip();
        int slash = wanted.indexOf('/');
        String owner = slash < 0 ? null : wanted.substring(0, slash);
        String name = slash < 0 ? wanted : wanted.substring(slash + 1);
        List<Teamspace> matches = all.stream().filter(t -> name.equals(t.name())).collect(Collectors.toList());
        if (matches.isEmpty()) {
            matches = all.stream().filter(t -> name.equalsIgnoreCase(t.name()) || name.equalsIgnoreCase(t.displayName()))
                    .collect(Collectors.toList());
        }
        if (owner != null) {
            List<Teamspace> owned = matches.stream().filter(t -> owner.equalsIgnoreCase(t.owner())).collect(Collectors.toList());
            // an owner lstudio cannot name (an organization) cannot be checked: keep those as candidates
            matches = owned.isEmpty() ? matches.stream().filter(t -> t.owner() == null).collect(Collectors.toList()) : owned;
        }
        if (matches.size() == 1) {
            Teamspace t = matches.get(0);
            return t.owner() == null && owner != null
                    ? new Teamspace(t.projectId(), t.name(), t.displayName(), owner, t.organization(), t.isDefault())
                    : t;
        }
        if (matches.isEmpty()) {
            throw new LookupException("teamspace '" + spec + "' not found; yours: " + String.join(", ", labels(all)), labels(all));
        }
        throw new LookupException("teamspace '" + spec + "' matches several: " + String.join(", ", labels(matches))
                + "; name it as owner/teamspace", labels(matches));
    }

    /** The teamspace to use when none is named: LIGHTNING_TEAMSPACE, else the only one, else an error listing them. */
    static Teamspace chooseDefault(String fromEnv, List<Teamspace> all) {
        if (fromEnv != null) {
            return resolve(fromEnv, all);
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new LookupException("you belong to no teamspace; create one on lightning.ai first", List.of());
        }
        String marked = all.stream().filter(Teamspace::isDefault).map(Teamspace::label).findFirst()
                .map(d -> " (your default on lightning.ai: " + d + ")").orElse("");
        throw new LookupException("you belong to several teamspaces and none was chosen: " + String.join(", ", labels(all))
                + marked + "; name one, or set " + ENV, labels(all));
    }

    static List<String> labels(List<Teamspace> teamspaces) {
        return teamspaces.stream().map(Teamspace::label).sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.toList());
    }
}
