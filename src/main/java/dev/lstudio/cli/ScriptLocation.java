package dev.lstudio.cli;

/** Where in a script a failure happened, for the runner's failure line. */
final class ScriptLocation {
    private ScriptLocation() {
    }

    /**
     * {@code nightly.groovy:12}: the script's own frame nearest to where the failure was thrown,
     * looking at the innermost cause first (inside a parallel item rather than at the call).
     */
    static String of(Throwable failure, String mainClass, String displayName) {
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
