package dev.lstudio.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's table: one row per measured subject, grouped by scenario, printed as text while
 * the run goes and written as Markdown at the end (target/bench/results.md) for the docs.
 */
final class Report {
    /** One line of the table; {@code ratio} compares with the scenario's reference subject. */
    record Row(String scenario, String subject, String value, String ratio, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void row(String scenario, String subject, String value, String ratio, String note) {
        Row row = new Row(scenario, subject, value, ratio, note);
        rows.add(row);
        out.printf("  %-44s %12s %8s  %s%n", subject, value, ratio, note);
        out.flush();
    }

    void heading(String title) {
        out.println();
        out.println(title);
    }

    /** A target's outcome; {@code met} null when it cannot be judged (--quick, or an alternative is missing). */
    void target(String scenario, String target, Boolean met, String measured) {
        String verdict = met == null ? "not judged" : met ? "met" : "NOT met";
        verdicts.add("| " + scenario + " | " + target + " | " + measured + " | " + verdict + " |");
        out.printf("  target: %s -> %s (%s)%n", target, verdict, measured);
    }

    void note(String text) {
        out.println("  " + text);
    }

    void writeMarkdown(Path file, List<String> header) throws IOException {
        StringBuilder md = new StringBuilder();
        header.forEach(line -> md.append(line).append('\n'));
        md.append("\n| scenario | subject | median | ratio | note |\n|---|---|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.subject()).append(" | ").append(r.value())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.note()).append(" |\n");
        }
        md.append("\n| scenario | target | measured | verdict |\n|---|---|---|---|\n");
        verdicts.forEach(v -> md.append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }
}
