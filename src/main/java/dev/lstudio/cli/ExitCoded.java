package dev.lstudio.cli;

/**
 * An exception that knows the exit status it should end the run with. Exceptions of the
 * layers below {@code cli} cannot implement this (they must not depend on {@code cli}); they
 * join through the tables of {@link ExitCode#of} instead.
 */
public interface ExitCoded {
    ExitCode exitCode();
}
