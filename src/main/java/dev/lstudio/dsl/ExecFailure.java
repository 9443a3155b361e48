package dev.lstudio.dsl;

import dev.lstudio.client.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person needs from a command that exited non-zero, in one line: the studio, the command
 * (its first line, shortened), the exit code, what the code means when it says (a signal: 137 is
 * SIGKILL, usually the out-of-memory killer), and the last lines of its output, which is where a
 * training job says why it died. The error line, the run summary and {@code --json} all read it
 * from here, so they cannot disagree.
 */
public record ExecFailure(String studio, String command, int exitCode, String reason, List<String> lastLines) {
    static final int COMMAND_CHARS = 60;
    static final int LAST_LINES = 3;
    static final int LINE_CHARS = 160;

    static ExecFailure of(String studio, String command, ExecResult result) {
        return new ExecFailure(studio, shorten(command), result.exitCode(), reason(result.exitCode()),
                lastLines(result.output()));
    }

    /** {@code my-studio: exec 'python train.py' failed with exit 137 (killed by SIGKILL: often out of memory); last lines: ...}. */
    public String describe() {
        return studio + ": " + what();
    }

    /** The same without the studio, for lines already about it (the summary's). */
    String what() {
        return "exec '" + command + "' failed with exit " + exitCode + (reason == null ? "" : " (" + reason + ")")
                + (lastLines.isEmpty() ? "; no output" : "; last lines: " + String.join(" | ", lastLines));
    }

    /** The fields {@code --json} adds to a failed command's line and to the summary. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("exitCode", exitCode);
        m.put("reason", reason);
        m.put("lastLines", lastLines);
        return m;
    }

    /** What an exit code says by itself: the shell's 126/127, and 128+n for a command ended by signal n. */
    static String reason(int exitCode) {
        return switch (exitCode) {
            case 126 -> "not executable";
            case 127 -> "command not found";
            case 128 + 9 -> "killed by SIGKILL: often out of memory";
            case 128 + 15 -> "terminated by SIGTERM";
            case 128 + 2 -> "interrupted by SIGINT";
            case 128 + 1 -> "hung up: SIGHUP";
            case 128 + 6 -> "aborted: SIGABRT";
            case 128 + 11 -> "crashed: SIGSEGV";
            case 128 + 13 -> "broken pipe: SIGPIPE";
            default -> exitCode > 128 && exitCode <= 128 + 64 ? "killed by signal " + (exitCode - 128) : null;
        };
    }

    /** The first line, at most {@value #COMMAND_CHARS} characters or so: a heredoc or a loop is known by its start. */
    static String shorten(String command) {
        String stripped = command.strip();
        int nl = stripped.indexOf('\n');
        String first = nl < 0 ? stripped : stripped.substring(0, nl).strip();
        String cut = cut(first, COMMAND_CHARS);
        return nl >= 0 || !cut.equals(first) ? cut + " ..." : first;
    }

    /**
     * {@code text} up to the last space within {@code max} characters: never in the middle of a
     * word, since the word may be a credential, which the printing side masks only when whole.
     */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return space > 0 ? text.substring(0, space).strip() : text;
    }

    /** The last non-blank lines, each as a terminal last showed it (after a progress bar's carriage returns). */
    static List<String> lastLines(String output) {
        List<String> lines = new ArrayList<>();
        String[] all = output == null ? new String[0] : output.split("\n");
        for (int i = all.length - 1; i >= 0 && lines.size() < LAST_LINES; i--) {
            String line = all[i].strip();
            line = line.substring(line.lastIndexOf('\r') + 1).strip();
            if (line.isEmpty()) {
                continue;
            }
            String cut = cut(line, LINE_CHARS);
            lines.add(0, cut.equals(line) ? line : cut + " ...");
        }
        return List.copyOf(lines);
    }
}
