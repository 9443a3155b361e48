package dev.lstudio.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Rows of one type shown as columns: a single row as one line ({@code my-studio  RUNNING  lit-h100-1}),
 * a list as an aligned table under a bold header. Each column may style its cells, such as a
 * phase in its colour.
 */
public final class Table<T> {

    private record Column<T>(String header, Function<? super T, ?> value, Function<? super T, AttributedStyle> style) {
    }

    private static final String GAP = "  ";

    private final Class<T> type;
    private final List<Column<T>> columns;

    private Table(Class<T> type, List<Column<T>> columns) {
        this.type = type;
        this.columns = List.copyOf(columns);
    }

    public static <T> Builder<T> of(Class<T> type) {
        return new Builder<>(Objects.requireNonNull(type, "type"));
    }

    public Class<T> type() {
        return type;
    }

    public AttributedString line(T row) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.append(GAP);
            }
            out.append(cell(columns.get(c), row));
        }
        return out.toAttributedString();
    }

    public AttributedString table(List<? extends T> rows) {
        List<List<AttributedString>> cells = new ArrayList<>();
        for (T row : rows) {
            cells.add(columns.stream().map(col -> cell(col, row)).toList());
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (List<AttributedString> r : cells) {
                widths[c] = Math.max(widths[c], r.get(c).columnLength());
            }
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        List<AttributedString> header = columns.stream()
                .map(col -> new AttributedString(col.header(), AttributedStyle.BOLD)).toList();
        appendRow(out, header, widths);
        for (List<AttributedString> r : cells) {
            out.append('\n');
            appendRow(out, r, widths);
        }
        return out.toAttributedString();
    }

    private static void appendRow(AttributedStringBuilder out, List<AttributedString> row, int[] widths) {
        for (int c = 0; c < row.size(); c++) {
            out.append(row.get(c));
            if (c < row.size() - 1) {
                out.append(" ".repeat(widths[c] - row.get(c).columnLength())).append(GAP);
            }
        }
    }

    private AttributedString cell(Column<T> column, T row) {
        Object v = column.value().apply(row);
        String text = v == null ? "" : v.toString();
        AttributedStyle style = column.style() == null ? null : column.style().apply(row);
        return new AttributedString(text, style == null ? AttributedStyle.DEFAULT : style);
    }

    public static final class Builder<T> {
        private final Class<T> type;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(Class<T> type) {
            this.type = type;
        }

        public Builder<T> column(String header, Function<? super T, ?> value) {
            return column(header, value, null);
        }

        public Builder<T> column(String header, Function<? super T, ?> value, Function<? super T, AttributedStyle> style) {
            columns.add(new Column<>(Objects.requireNonNull(header, "header"), Objects.requireNonNull(value, "value"), style));
            return this;
        }

        public Table<T> build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a table needs at least one column");
            }
            return new Table<>(type, columns);
        }
    }
}
