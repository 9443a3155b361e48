package dev.lstudio.repl;

import dev.lstudio.client.Teamspace;
import dev.lstudio.dsl.Interactive;
import java.util.List;
import java.util.Objects;

/**
 * The REPL's session over the DSL's: the prompt's teamspace, the studios started here, what to
 * stop on quit, and what goes on remotely after Ctrl-C. The prompt never waits on the network:
 * it shows the teamspace once the DSL knows it (after the first verb, or {@link #warmUp}).
 */
public final class DslSession implements Session {
    private final Interactive dsl;
    private volatile List<String> interrupted = List.of();

    public DslSession(Interactive dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Resolves the current teamspace (asking the server the first time), so the prompt can show it; returns its label. */
    public String warmUp() {
        return dsl.teamspace();
    }

    @Override
    public String teamspace() {
        return dsl.knownTeamspace();
    }

    /** The current teamspace, resolved, if known without asking the server; else null. */
    public Teamspace resolvedTeamspace() {
        return dsl.resolvedTeamspace();
    }

    @Override
    public void useTeamspace(String name) {
        dsl.useTeamspace(name);
    }

    @Override
    public Object studios() {
        return dsl.studios();
    }

    @Override
    public Object openStudio(String name) {
        return dsl.studio(name);
    }

    @Override
    public Object record(String name) {
        return dsl.record(name);
    }

    @Override
    public int runningCount() {
        return dsl.running().size();
    }

    @Override
    public List<String> stillRunning() {
        return dsl.running();
    }

    @Override
    public String describe(String name) {
        return dsl.describe(name);
    }

    @Override
    public void stop(List<String> names) {
        dsl.stop(names);
    }

    @Override
    public void leaveRunning(List<String> names) {
        dsl.leaveRunning(names);
    }

    @Override
    public void interrupting() {
        interrupted = dsl.inFlight();
    }

    @Override
    public String afterInterrupt() {
        List<String> lines = interrupted;
        interrupted = List.of();
        return lines.isEmpty() ? "nothing was running remotely" : String.join("; ", lines);
    }
}
