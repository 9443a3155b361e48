package dev.lstudio.repl;

import java.util.List;

/**
 * The REPL's view of what the DSL knows about this session: the current teamspace and the
 * studios started here. Every method has a harmless default so a REPL works without a client.
 */
public interface Session {

    /** The current teamspace for the prompt, or null when none is chosen yet. */
    default String teamspace() {
        return null;
    }

    /** Switches the current teamspace ({@code :teamspace NAME}); throws with a one-line message when it cannot. */
    default void useTeamspace(String name) throws Exception {
        throw new IllegalStateException("no teamspaces in this session; start lstudio with credentials");
    }

    /** The value {@code :studios} prints, rendered like any result (a list of studios prints as a table). */
    default Object studios() throws Exception {
        return List.of();
    }

    /** The handle of the studio {@code name} in the current teamspace, for {@code :use NAME}; throws with a one-line reason. */
    default Object openStudio(String name) throws Exception {
        throw new IllegalStateException("no studios in this session; start lstudio with credentials");
    }

    /** The studio's record as the server has it now, for {@code :inspect}; printed as JSON. */
    default Object record(String name) throws Exception {
        throw new IllegalStateException("no studios in this session; start lstudio with credentials");
    }

    /** How many studios started in this session run now, for the right prompt; must answer from memory. */
    default int runningCount() {
        return 0;
    }

    /** Names of the studios started in this session that still run, asked once on quit. */
    default List<String> stillRunning() throws Exception {
        return List.of();
    }

    /** What the quit question says of one of them beside its name (machine, how long), or null. */
    default String describe(String name) {
        return null;
    }

    /** Stops the named studios, when the user says so on quit. */
    default void stop(List<String> names) throws Exception {
    }

    /** The user chose on quit to leave these studios running: nothing may stop them afterwards. */
    default void leaveRunning(List<String> names) throws Exception {
    }

    /** Ctrl-C arrived while an evaluation runs, just before it is interrupted: the moment to note what was going on. */
    default void interrupting() {
    }

    /**
     * Called after Ctrl-C interrupted an evaluation; returns what to tell the user beyond
     * "interrupted", such as whether the remote command goes on. Null or blank for nothing.
     */
    default String afterInterrupt() {
        return null;
    }

    static Session none() {
        return new Session() {
        };
    }
}
