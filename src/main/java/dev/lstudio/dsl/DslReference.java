package dev.lstudio.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DSL reference page ({@code dsl-docs/reference.md}, shipped in the jar) read into one
 * {@link Entry} per verb or option, so that the REPL's {@code :help VERB} prints the page's own
 * text and the two cannot disagree.
 *
 * <p>The page's shape, which this class relies on: {@code # Group} headings; a {@code ## name}
 * heading per entry; a one-paragraph summary; a list of parts {@code - **Usage:** text} (a part
 * may go on over lines indented by two spaces) drawn from {@link #PARTS}; then {@code groovy}
 * code blocks, the examples. Anything else (HTML comments, other code blocks) is skipped.
 * Parsing never fails: what does not fit is reported by {@link #problems()}, which a spec keeps
 * empty.
 */
public final class DslReference {
    /** Where the page lives on the classpath (the build copies {@code dsl-docs/} there). */
    public static final String RESOURCE = "/dsl-docs/reference.md";
    /** The parts every entry has, in the order {@link Entry#text()} prints them. */
    public static final List<String> PARTS = List.of("Usage", "Where", "Options", "Waits for", "Defaults", "Errors");

    private static final Pattern PART = Pattern.compile("^- \\*\\*([A-Za-z ]+):\\*\\*\\s*(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern CODE_WORD = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");
    private static final int WIDTH = 96;

    private final List<Entry> entries;
    private final List<String> problems;

    private DslReference(List<Entry> entries, List<String> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** The reference shipped in the jar, read the first time it is asked for and kept. */
    public static DslReference shipped() {
        return Shipped.REFERENCE;
    }

    private static final class Shipped {
        static final DslReference REFERENCE = load();
    }

    /** The reference shipped in the jar; an empty one (with a problem saying why) when it is missing. */
    public static DslReference load() {
        try (InputStream in = DslReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new DslReference(List.of(), List.of(RESOURCE + " is not on the classpath; rebuild with mvn package"));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static DslReference parse(String markdown) {
        return new Parser().parse(markdown);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entry names in page order: {@code start}, {@code wait:}, ... */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /**
     * The entry for {@code name}: exactly, else as an option ({@code maxRuntime} finds
     * {@code maxRuntime:}), else ignoring case ({@code switchto} finds {@code switchTo}).
     */
    public Optional<Entry> entry(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        String bare = wanted.endsWith(":") ? wanted.substring(0, wanted.length() - 1) : wanted;
        for (String candidate : List.of(wanted, bare, bare + ":")) {
            for (Entry e : entries) {
                if (e.name().equals(candidate)) {
                    return Optional.of(e);
                }
            }
        }
        return entries.stream().filter(e -> e.name().equalsIgnoreCase(wanted) || e.name().equalsIgnoreCase(bare + ":")
                || e.name().equalsIgnoreCase(bare)).findFirst();
    }

    /** Entry name to its one-line summary, in page order: the list {@code :help} shows. */
    public Map<String, String> summaries() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), e.summary()));
        return Collections.unmodifiableMap(out);
    }

    /** The plain text {@code :help name} prints, or empty when the page has no such entry. */
    public Optional<String> text(String name) {
        return entry(name).map(Entry::text);
    }

    /** What does not fit the page's shape, each as "line N: what"; empty for a well-formed page. */
    public List<String> problems() {
        return problems;
    }

    /** One verb or option: its summary, its parts by name ({@link #PARTS}) and its examples. */
    public record Entry(String name, String group, String summary, Map<String, String> parts,
                        List<String> examples, int line) {
        public Entry {
            parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
            examples = List.copyOf(examples);
        }

        /** A part's plain text (markdown removed), or empty. */
        public Optional<String> part(String part) {
            return Optional.ofNullable(parts.get(part)).map(DslReference::plain);
        }

        /**
         * The named arguments a verb takes: the {@code `words`} of its Options part, in order
         * (for completion of {@code start machine: ...}). Option entries ({@code wait:}) name
         * the verbs that take them there instead, so they have none.
         */
        public List<String> options() {
            String text = parts.get("Options");
            if (text == null || name.endsWith(":")) {
                return List.of();
            }
            Matcher m = CODE_WORD.matcher(text);
            List<String> out = new ArrayList<>();
            while (m.find()) {
                if (!out.contains(m.group(1))) {
                    out.add(m.group(1));
                }
            }
            return List.copyOf(out);
        }

        /** The whole entry as plain text for a terminal. */
        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(name).append(" - ").append(plain(summary)).append('\n');
            int labelWidth = PARTS.stream().mapToInt(String::length).max().orElse(0) + 2;
            for (String part : PARTS) {
                String value = parts.get(part);
                if (value != null) {
                    wrap(out, String.format("  %-" + labelWidth + "s", part), plain(value));
                }
            }
            for (String example : examples) {
                out.append("  Example\n");
                example.lines().forEach(l -> out.append("    ").append(l).append('\n'));
            }
            return out.toString().stripTrailing();
        }
    }

    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return text.replace("**", "").replace("`", "");
    }

    private static void wrap(StringBuilder out, String label, String text) {
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** One pass over the lines; an entry is built up in the fields and finished at the next heading. */
    private static final class Parser {
        private final List<Entry> entries = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private String group = "";
        private String name;
        private int nameLine;
        private final StringBuilder summary = new StringBuilder();
        private Map<String, String> parts = new LinkedHashMap<>();
        private String lastPart;
        private List<String> examples = new ArrayList<>();
        private StringBuilder fence;
        private boolean fenceIsExample;

        DslReference parse(String markdown) {
            List<String> lines = markdown.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), i + 1);
            }
            if (fence != null) {
                problems.add("line " + lines.size() + ": a code block is not closed");
            }
            finish();
            return new DslReference(entries, problems);
        }

        private void line(String line, int number) {
            if (fence != null) {
                if (line.strip().equals("```")) {
                    if (fenceIsExample && name != null) {
                        examples.add(fence.toString());
                    }
                    fence = null;
                } else {
                    fence.append(line).append('\n');
                }
                return;
            }
            if (line.startsWith("```")) {
                fence = new StringBuilder();
                fenceIsExample = line.strip().equals("```groovy");
                lastPart = null;
                return;
            }
            if (line.startsWith("## ")) {
                finish();
                name = line.substring(3).strip();
                nameLine = number;
                return;
            }
            if (line.startsWith("# ")) {
                finish();
                group = line.substring(2).strip();
                return;
            }
            if (name != null) {
                body(line, number);
            }
        }

        private void body(String line, int number) {
            Matcher part = PART.matcher(line);
            if (part.matches()) {
                lastPart = part.group(1);
                if (!PARTS.contains(lastPart)) {
                    problems.add("line " + number + ": '" + name + "' has an unknown part '" + lastPart
                            + "'; parts are " + String.join(", ", PARTS));
                } else if (parts.containsKey(lastPart)) {
                    problems.add("line " + number + ": '" + name + "' gives " + lastPart + " twice");
                }
                parts.put(lastPart, part.group(2).strip());
            } else if (lastPart != null && line.startsWith("  ") && !line.isBlank()) {
                parts.put(lastPart, parts.get(lastPart) + " " + line.strip());
            } else if (line.isBlank() || line.strip().startsWith("<!--")) {
                lastPart = null;
            } else if (parts.isEmpty() && examples.isEmpty()) {
                summary.append(summary.length() == 0 ? "" : " ").append(line.strip());
            } else {
                problems.add("line " + number + ": '" + name + "' has text outside its summary and parts: " + line.strip());
            }
        }

        private void finish() {
            if (name != null) {
                if (summary.length() == 0) {
                    problems.add("line " + nameLine + ": '" + name + "' has no summary line");
                }
                List<String> missing = PARTS.stream().filter(p -> !parts.containsKey(p)).toList();
                if (!missing.isEmpty()) {
                    problems.add("line " + nameLine + ": '" + name + "' lacks " + String.join(", ", missing));
                }
                if (entries.stream().anyMatch(e -> e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))) {
                    problems.add("line " + nameLine + ": '" + name + "' is described twice");
                }
                entries.add(new Entry(name, group, summary.toString(), parts, examples, nameLine));
            }
            name = null;
            summary.setLength(0);
            parts = new LinkedHashMap<>();
            lastPart = null;
            examples = new ArrayList<>();
        }
    }
}
