package dev.lstudio.dsl;

import dev.lstudio.client.LightningClient;
import dev.lstudio.client.LookupException;
import dev.lstudio.client.NewStudio;
import dev.lstudio.client.Studio;
import dev.lstudio.client.Teamspace;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One run's (or one REPL session's) studio state, kept in its {@link DslContext}: the teamspace
 * in use and the {@link Ledger} of studios started. The teamspace is, in order: the one of the
 * innermost {@code teamspace('x') { ... }} block on this thread (inherited by the threads of a
 * {@code parallel} inside it), the one set by {@code teamspace('x')}, the runner's
 * {@code --teamspace}, and finally the client's default (LIGHTNING_TEAMSPACE or the only one).
 */
final class RunState {
    private final DslContext context;
    private final Ledger ledger;
    private final InFlight inFlight = new InFlight();
    private final InheritableThreadLocal<Teamspace> blockTeamspace = new InheritableThreadLocal<>();
    private volatile Teamspace selected;
    private Teamspace fallback;

    RunState(DslContext context) {
        this.context = context;
        this.ledger = new Ledger(context, System::nanoTime);
    }

    DslContext context() {
        return context;
    }

    Ledger ledger() {
        return ledger;
    }

    InFlight inFlight() {
        return inFlight;
    }

    /** The teamspace chosen or resolved so far, without asking the server; null when none yet. */
    synchronized Teamspace known() {
        return selected != null ? selected : fallback;
    }

    LightningClient client() {
        return context.client();
    }

    Teamspace teamspace() {
        Teamspace inBlock = blockTeamspace.get();
        if (inBlock != null) {
            return inBlock;
        }
        Teamspace chosen = selected;
        return chosen != null ? chosen : defaultTeamspace();
    }

    Teamspace select(String name) {
        Teamspace t = resolve(name);
        selected = t;
        return t;
    }

    <R> R inTeamspace(String name, Callable<R> body) throws Exception {
        Teamspace t = resolve(name);
        Teamspace previous = blockTeamspace.get();
        blockTeamspace.set(t);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                blockTeamspace.remove();
            } else {
                blockTeamspace.set(previous);
            }
        }
    }

    Teamspace resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new DslException("teamspace: give a name, e.g. teamspace('research') or teamspace('owner/research')");
        }
        return ClientCalls.call(() -> client().teamspace(name.strip()));
    }

    private synchronized Teamspace defaultTeamspace() {
        if (fallback == null) {
            fallback = ClientCalls.call(() -> client().teamspaceOrDefault(context.teamspace()));
        }
        return fallback;
    }

    /** The studio named {@code name} in the current teamspace; created first when missing and {@code create} is given. */
    StudioHandle open(String name, NewStudio create, boolean scoped) {
        Teamspace team = teamspace();
        Studio studio = ClientCalls.call(() -> {
            if (create == null) {
                return existing(team, name);
            }
            Optional<Studio> found = client().findStudio(team, name);
            if (found.isPresent()) {
                return found.get();
            }
            context.output().log("creating studio '" + name + "' in teamspace '" + team.label() + "'");
            return client().createOrFind(team, create);
        });
        return new StudioHandle(this, studio, scoped);
    }

    /**
     * The studio that must exist. With no Studios of the caller's in the teamspace, the name is
     * not a typo: a newcomer who has not created one yet is told how (getting-started's first script).
     */
    private Studio existing(Teamspace team, String name) {
        try {
            return client().studio(team, name);
        } catch (LookupException e) {
            if (!e.candidates().isEmpty()) {
                throw e;
            }
            throw new DslException(e.getMessage() + ": use studio('" + name + "', create: true) to create it", e);
        }
    }

    /** Creates a studio (stopped) in the current teamspace. */
    StudioHandle create(NewStudio spec) {
        Teamspace team = teamspace();
        context.output().log("creating studio '" + spec.name() + "' in teamspace '" + team.label() + "'");
        return handle(ClientCalls.call(() -> client().createStudio(team, spec)));
    }

    StudioHandle handle(Studio studio) {
        return new StudioHandle(this, studio, false);
    }
}
