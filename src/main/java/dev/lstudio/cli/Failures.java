package dev.lstudio.cli;

/** One-line descriptions of a script's failure for people, without stack traces. */
final class Failures {
    private Failures() {
    }

    /** The message, with the exception's simple name when the message alone would be unclear. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse(message);
        boolean plain = failure instanceof RuntimeException && failure.getClass().getName().startsWith("dev.lstudio.");
        return plain ? first : failure.getClass().getSimpleName() + ": " + first;
    }

    /**
     * {@code nightly.groovy:12}: the script's own frame nearest to where the failure was thrown,
     * looking at the innermost cause first (inside a parallel item rather than at the call).
     */
    static String location(Throwable failure, String mainClass, String displayName) {
        java.util.Deque<Throwable> chain = new java.util.ArrayDeque<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.push(t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if ((cls.equals(mainClass) || cls.startsWith(mainClass + "$")) && frame.getLineNumber() > 0) {
                    return displayName + ":" + frame.getLineNumber();
                }
            }
        }
        return "";
    }
}
