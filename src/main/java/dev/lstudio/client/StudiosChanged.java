package dev.lstudio.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Whom the client tells that a teamspace's Studios changed, and how its list of names changes
 * with it: the completion cache edits its list at once, so the name a create or fork just made
 * is offered at the very next TAB, without waiting for a listing (which may be slow).
 */
@FunctionalInterface
interface StudiosChanged {
    void changed(Teamspace teamspace, UnaryOperator<List<StudioSummary>> edit);

    /** The list with {@code added} in it (replacing one of the same name). */
    static UnaryOperator<List<StudioSummary>> added(StudioSummary added) {
        return list -> {
            List<StudioSummary> out = new ArrayList<>(removed(added.name()).apply(list));
            out.add(added);
            return out;
        };
    }

    /** The list without {@code name}. */
    static UnaryOperator<List<StudioSummary>> removed(String name) {
        return list -> list.stream().filter(s -> !s.name().equals(name)).toList();
    }

    /** Something else changed (a setting): the names stay, a listing confirms in the background. */
    static UnaryOperator<List<StudioSummary>> same() {
        return UnaryOperator.identity();
    }
}
