package dev.lstudio.cli;

import dev.lstudio.dsl.JsonLines;
import dev.lstudio.render.PhaseColours;
import dev.lstudio.render.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a one-word command's results go, in one of three forms: with {@code --json} one JSON
 * document on stdout (an array for lists; the row's keys are the stable field names); on a
 * terminal an aligned table with the phase in its colour (the REPL's {@link Table}); in a pipe
 * tab-separated rows without colour or header, one per line, for {@code cut} and {@code awk}.
 */
final class Results {
    /** A column: the row's key (also its JSON field name) and the header a person reads. */
    record Column(String key, String header) {
    }

    /** The field that holds a phase: coloured on a terminal. */
    static final String STATUS = "status";

    private final PrintStream out;
    private final boolean json;
    private final boolean terminal;

    Results(PrintStream out, boolean json, boolean terminal) {
        this.out = out;
        this.json = json;
        this.terminal = terminal;
    }

    boolean json() {
        return json;
    }

    /** A table for a person (sizes human-readable) rather than rows for a pipe. */
    boolean terminal() {
        return terminal;
    }

    /** A list of rows; an empty list prints {@code []} as JSON and nothing otherwise. */
    void list(List<Column> columns, List<Map<String, Object>> rows) {
        if (json) {
            out.println(JsonLines.write(rows));
        } else if (terminal) {
            if (!rows.isEmpty()) {
                out.println(table(columns).table(rows).toAnsi());
            }
        } else {
            rows.forEach(row -> out.println(columns.stream().map(c -> plain(row.get(c.key())))
                    .collect(Collectors.joining("\t"))));
        }
    }

    /**
     * Records shown field by field (one Studio in detail): as JSON the array of them; otherwise
     * each as {@code field value} lines (aligned on a terminal, tab-separated in a pipe), records
     * apart by a blank line.
     */
    void records(List<Map<String, Object>> records) {
        if (json) {
            out.println(JsonLines.write(records));
            return;
        }
        List<Column> columns = List.of(new Column("field", "field"), new Column("value", "value"));
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.println();
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            records.get(i).forEach((field, value) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("field", field);
                line.put("value", plain(value));
                line.put(STATUS, field.equals(STATUS) ? value : null);
                lines.add(line);
            });
            if (terminal) {
                Table<Map<String, Object>> table = Table.of(rowType())
                        .column("field", l -> l.get("field"))
                        .column("value", l -> l.get("value"), l -> l.get(STATUS) == null ? null : PhaseColours.style(l.get(STATUS)))
                        .build();
                out.println(table.table(lines).toAnsi());
            } else {
                list(columns, lines);
            }
        }
    }

    private static Table<Map<String, Object>> table(List<Column> columns) {
        Table.Builder<Map<String, Object>> builder = Table.of(rowType());
        for (Column c : columns) {
            if (c.key().equals(STATUS)) {
                builder.column(c.header(), row -> plain(row.get(c.key())), row -> PhaseColours.style(row.get(c.key())));
            } else {
                builder.column(c.header(), row -> plain(row.get(c.key())));
            }
        }
        return builder.build();
    }

    /** A list is its items joined by commas; null is empty (a blank cell, an empty field). */
    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Results::plain).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> rowType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
