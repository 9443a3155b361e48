package dev.lstudio.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Quitting the REPL, however it is asked for (Ctrl-D, {@code exit}, {@code quit}, {@code :q},
 * {@code :exit}): one question about the studios this session started that still run. Its
 * default, Enter, stops them, since a forgotten H100 costs far more than a second start;
 * {@code n} leaves them running and the last line says so plainly, with how to stop them later.
 * No answer at all (end of input) stops them; Ctrl-C at the question goes back to the prompt.
 */
final class Leaving {
    private final Terminal terminal;
    private final ReplOutput console;
    private final Session session;
    private final Function<Callable<Object>, Object> interruptible;

    /** {@code interruptible} runs a call so that Ctrl-C stops it and its failure prints as one line; null when it failed. */
    Leaving(Terminal terminal, ReplOutput console, Session session, Function<Callable<Object>, Object> interruptible) {
        this.terminal = terminal;
        this.console = console;
        this.session = session;
        this.interruptible = interruptible;
    }

    private static final java.util.Set<String> WORDS = java.util.Set.of("exit", "quit", "exit()", "quit()");

    /** The words people type to leave a shell, bare at the prompt: they quit instead of failing as unknown names. */
    static boolean asked(String line) {
        return WORDS.contains(line.strip());
    }

    /** Asks, stops or leaves; returns whether to quit. */
    @SuppressWarnings("unchecked")
    boolean leave() {
        Object answer = interruptible.apply(() -> List.copyOf(session.stillRunning()));
        List<String> running = answer == null ? List.of() : (List<String>) answer;
        if (running.isEmpty()) {
            return true;
        }
        Boolean stop = ask("Stop " + described(running) + "? [Y/n] ");
        if (stop == null) {
            console.note("not quitting; Ctrl-D, exit or :q again to quit");
            return false;
        }
        if (stop) {
            Object done = interruptible.apply(() -> {
                session.stop(running);
                return Boolean.TRUE;
            });
            // A stop that failed stays guarded: teardown tries again as the session ends.
            console.note(done != null ? "stopped: " + String.join(", ", running) : "stopping failed; trying again on the way out");
            return true;
        }
        interruptible.apply(() -> {
            session.leaveRunning(running);
            return null;
        });
        console.line("Left running, and billed until stopped: " + String.join(", ", running)
                + ". To stop later: lstudio -e \"studio('" + running.get(0) + "') { stop() }\"");
        return true;
    }

    private String described(List<String> names) {
        List<String> each = new ArrayList<>();
        for (String name : names) {
            String more = quietly(name);
            each.add(more == null || more.isBlank() ? name : name + " (" + more + ")");
        }
        return String.join(", ", each);
    }

    private String quietly(String name) {
        try {
            return session.describe(name);
        } catch (RuntimeException e) {
            return null; // the question goes without the detail rather than not at all
        }
    }

    /** False only for an answer starting with n; true for Enter, yes and no answer at all (end of input); null for Ctrl-C. */
    private Boolean ask(String question) {
        LineReader plain = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            String answer = plain.readLine(question).strip();
            return !answer.toLowerCase(java.util.Locale.ROOT).startsWith("n");
        } catch (UserInterruptException e) {
            return null;
        } catch (EndOfFileException e) {
            console.note("no answer (end of input): stopping them");
            return true;
        }
    }
}
