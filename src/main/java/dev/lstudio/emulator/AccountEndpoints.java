package dev.lstudio.emulator;

import java.util.ArrayList;
import java.util.List;

/** Memberships (one per configured teamspace) and the caller's user (auth/user and auth/whoami). */
final class AccountEndpoints {
    private final Memberships teamspaces;
    private final Store.Identity identity;
    private final String since = PhaseMachine.now();

    AccountEndpoints(Memberships teamspaces, Store.Identity identity) {
        this.teamspaces = teamspaces;
        this.identity = identity;
    }

    void register(Router r) {
        r.add("GET", "/v1/memberships", req -> memberships())
                .add("GET", "/v1/auth/user", req -> user())
                .add("GET", "/v1/auth/whoami", req -> user());
    }

    private Reply memberships() {
        List<Wire.Membership> out = new ArrayList<>();
        for (Memberships.Teamspace t : teamspaces.all()) {
            String ownerId = t.ownerType().equals("user") ? identity.userId() : "org-" + t.owner();
            out.add(new Wire.Membership(t.projectId(), t.name(), t.name(), ownerId, t.ownerType(), t.isDefault(),
                    identity.userId(), "owner", since));
        }
        return Reply.json(new Wire.MembershipList(out, ""));
    }

    private Reply user() {
        String name = identity.username();
        return Reply.json(new Wire.User(identity.userId(), identity.userId(), name, name + "@example.com", name, "Emulated"));
    }
}
