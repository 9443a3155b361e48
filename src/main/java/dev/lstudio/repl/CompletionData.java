package dev.lstudio.repl;

import java.util.List;

/**
 * The lists that TAB completes from. Every method is called on the terminal's thread while the
 * user waits, so each must answer at once from memory (a cache that refreshes in the background)
 * and never touch the network: the live lists come from the client's
 * {@code CompletionCache}, which waits a few hundred milliseconds at most.
 */
public interface CompletionData {

    /** Teamspace names, {@code owner/name} where that is how they are addressed. */
    List<Suggestion> teamspaces();

    /** Studio names of the current teamspace, with the phase as description. */
    List<Suggestion> studios();

    /** Machine slugs, with GPU model and count ({@code 1x H100}) as description. */
    List<Suggestion> machines();

    /** Plugin ids, with a short description. */
    List<Suggestion> plugins();

    /** The DSL's verbs, both the top-level ones and those on a studio handle. */
    List<Verb> verbs();

    /**
     * Entries of a folder of {@code studio}'s files that start as {@code typed} does (a folder's
     * path ends in {@code /}), from a listing made earlier: never a call while the user waits. A
     * listing not known yet (or stale) is asked for in the background, for the next TAB.
     */
    default List<Suggestion> remotePaths(String studio, String typed) {
        return List.of();
    }

    /** No data: completion offers only meta-commands and file names. */
    static CompletionData none() {
        return StaticCompletionData.builder().build();
    }

    default List<Suggestion> values(Verb.Argument argument) {
        return switch (argument) {
            case TEAMSPACE -> teamspaces();
            case STUDIO -> studios();
            case MACHINE -> machines();
            case PLUGIN -> plugins();
            case NONE, REMOTE_PATH, LOCAL_PATH -> List.of(); // paths need what is typed: see ReplCompleter
        };
    }
}
