package dev.lstudio.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import dev.lstudio.render.Table;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.jline.utils.AttributedString;

/**
 * The REPL's renderer: a value of a registered type prints as its table's one line, a non-empty
 * collection of such values as the table, and anything else as Groovy prints it.
 */
public final class TableRenderer implements ValueRenderer {

    private final List<Table<?>> tables;

    private TableRenderer(List<Table<?>> tables) {
        this.tables = List.copyOf(tables);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AttributedString render(Object value) {
        if (value == null) {
            return AttributedString.EMPTY;
        }
        for (Table<?> table : tables) {
            if (table.type().isInstance(value)) {
                return line(table, value);
            }
        }
        List<Object> items = items(value);
        if (items != null && !items.isEmpty()) {
            for (Table<?> table : tables) {
                if (items.stream().allMatch(table.type()::isInstance)) {
                    return rows(table, items);
                }
            }
        }
        return new AttributedString(InvokerHelper.toString(value));
    }

    private static List<Object> items(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            return List.of((Object[]) value);
        }
        if (value instanceof Iterable<?> it) {
            List<Object> list = new ArrayList<>();
            it.forEach(list::add);
            return list;
        }
        return null;
    }

    private static <T> AttributedString line(Table<T> table, Object value) {
        return table.line(table.type().cast(value));
    }

    private static <T> AttributedString rows(Table<T> table, List<Object> items) {
        return table.table(items.stream().map(table.type()::cast).toList());
    }

    public static final class Builder {
        private final List<Table<?>> tables = new ArrayList<>();

        private Builder() {
        }

        /** Values of the table's type render through it; the first registered table that fits wins. */
        public Builder table(Table<?> table) {
            tables.add(table);
            return this;
        }

        public TableRenderer build() {
            return new TableRenderer(tables);
        }
    }
}
