package dev.lstudio.dsl;

/**
 * One item of a {@code parallel(...)} block failed; the others were cancelled. The cause is
 * the item's own exception, so exit-code mapping that walks the cause chain still sees it.
 */
public final class ParallelException extends DslException {
    private static final long serialVersionUID = 1L;
    private final transient Object item;
    private final int index;

    ParallelException(Object item, int index, int count, Throwable cause) {
        super("parallel item '" + describe(item) + "' (" + (index + 1) + " of " + count + ") failed: "
                + messageOf(cause), cause);
        this.item = item;
        this.index = index;
    }

    public Object item() {
        return item;
    }

    /** Zero-based position of the failed item in the list given to {@code parallel}. */
    public int index() {
        return index;
    }

    static String describe(Object item) {
        String text = String.valueOf(item);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
