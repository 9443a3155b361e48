package dev.lstudio.dsl;

import dev.lstudio.client.OwnedStudio;
import dev.lstudio.client.Teamspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an interactive session (the REPL) asks of the DSL besides running snippets: the
 * teamspace for its prompt, the studios started in it, stopping them or leaving them running
 * on quit, and what goes on remotely after Ctrl-C. Snippets and this face share one
 * {@link DslContext}, so a studio started by a snippet is seen here.
 */
public final class Interactive {
    private final DslContext context;

    private Interactive(DslContext context) {
        this.context = context;
    }

    public static Interactive of(DslContext context) {
        return new Interactive(Objects.requireNonNull(context, "context"));
    }

    /** The current teamspace's label if it is known without asking the server, else null. */
    public String knownTeamspace() {
        Teamspace known = resolvedTeamspace();
        return known == null ? null : known.label();
    }

    /** The current teamspace if it is known without asking the server, else null: what completion is keyed by. */
    public Teamspace resolvedTeamspace() {
        return context.session().known();
    }

    /** The current teamspace's label, asking the server the first time (the default teamspace). */
    public String teamspace() {
        return context.session().teamspace().label();
    }

    /** {@code teamspace('name')}: makes it the current one; returns its label. */
    public String useTeamspace(String name) {
        return context.session().select(name).label();
    }

    /** The studios of the current teamspace, as {@code studios()} in a snippet returns them. */
    public List<StudioHandle> studios() {
        return Dsl.create(context).studios();
    }

    /** {@code studio('name')}: the studio of the current teamspace, as a snippet gets it; for the REPL's current studio. */
    public StudioHandle studio(String name) {
        return Dsl.create(context).studio(name);
    }

    /** The record of the studio {@code name} of the current teamspace as the server sends it now (one call), as maps and lists. */
    public java.util.Map<String, Object> record(String name) {
        Teamspace team = context.session().teamspace();
        return ClientCalls.call(() -> context.client().studio(team, name).record());
    }

    /** Names of the studios started in this session that run now (by its own account, no call). */
    public List<String> running() {
        List<String> names = new ArrayList<>();
        Ledger ledger = context.session().ledger();
        for (Ledger.Entry e : ledger.running()) {
            if (!ledger.kept(e)) {
                names.add(e.name());
            }
        }
        return names;
    }

    /**
     * What the quit question says of a studio started here: the machine it runs on and for how
     * long, e.g. {@code lit-h100-1, 12 min}; null when it is not one of this session's.
     */
    public String describe(String name) {
        Ledger ledger = context.session().ledger();
        for (Ledger.Entry e : entries(List.of(name))) {
            OwnedStudio record = context.ownership().recordOf(e.studio.id());
            String machine = record == null ? null : record.machine();
            long minutes = ledger.ranFor(e).toMinutes();
            return (machine == null ? "" : machine + ", ") + (minutes < 1 ? "under a minute" : minutes + " min");
        }
        return null;
    }

    /** Stops the named studios started in this session, waiting for each to stop. */
    public void stop(List<String> names) {
        Ledger ledger = context.session().ledger();
        ledger.stopNow(entries(names), true);
    }

    /** The user chose to leave these running: teardown at the end of the session leaves them be. */
    public void leaveRunning(List<String> names) {
        Ledger ledger = context.session().ledger();
        entries(names).forEach(e -> ledger.keep(e.studio));
    }

    /** What goes on remotely for each long call running now (an exec, a start), one line each. */
    public List<String> inFlight() {
        return context.session().inFlight().now();
    }

    private List<Ledger.Entry> entries(List<String> names) {
        List<Ledger.Entry> out = new ArrayList<>();
        for (Ledger.Entry e : context.session().ledger().running()) {
            if (names.contains(e.name())) {
                out.add(e);
            }
        }
        return out;
    }
}
