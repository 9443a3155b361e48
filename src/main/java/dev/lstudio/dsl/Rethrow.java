package dev.lstudio.dsl;

/** Rethrows any throwable without wrapping, as Groovy code does, so exit-code mapping sees the original type. */
final class Rethrow {
    private Rethrow() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
