package dev.lstudio.cli;

import dev.lstudio.client.ExecResult;
import dev.lstudio.dsl.JsonLines;
import dev.lstudio.dsl.StudioHandle;
import dev.lstudio.repl.DslRenderer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What {@code lstudio -e CODE} prints after the code ran: the value of its last expression,
 * unless null, as the one-word commands print theirs (JSON with {@code --json}; the REPL's
 * table on a terminal; Studios as tab-separated rows in a pipe), so that
 * {@code lstudio -e 'studios(running: true)'} shows something. An exec result prints nothing
 * more: its output has streamed already (and its JSON line with {@code --json}).
 */
final class LastValue {
    private LastValue() {
    }

    static void print(Object value, PrintStream out, boolean json, boolean terminal) {
        if (value == null || value instanceof ExecResult) {
            return;
        }
        if (json) {
            out.println(JsonLines.write(value));
            return;
        }
        List<StudioHandle> studios = studios(value);
        if (!terminal && studios != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            studios.forEach(h -> rows.add(StudioCommands.row(h.unwrap(), null)));
            new Results(out, false, false).list(StudioCommands.STUDIO_COLUMNS, rows);
            return;
        }
        var rendered = new DslRenderer().render(value);
        if (rendered.length() > 0) {
            out.println(terminal ? rendered.toAnsi() : rendered.toString());
        }
    }

    /** The studios {@code value} is (one, or a non-empty collection of them only), else null. */
    private static List<StudioHandle> studios(Object value) {
        if (value instanceof StudioHandle h) {
            return List.of(h);
        }
        if (value instanceof Collection<?> c && !c.isEmpty() && c.stream().allMatch(StudioHandle.class::isInstance)) {
            return c.stream().map(StudioHandle.class::cast).toList();
        }
        return null;
    }
}
