package dev.lstudio.docs

import groovy.transform.Canonical
import java.nio.file.Files
import java.nio.file.Path

/**
 * The ```groovy blocks of README.md and the dsl-docs pages, and the ```bash blocks of lstudio
 * command lines that an {@code <!-- expect -->} follows (a bash block without one is prose, such
 * as {@code mvn -B verify}), with what the HTML comments next to them ask:
 * before a block, {@code <!-- not-run: REASON -->}; after it, {@code <!-- expect: TEXT -->}
 * (repeatable), {@code <!-- exit: N -->} and {@code <!-- args: A B -->}.
 */
final class DocBlocks {
    static final Path DOCS = Path.of('dsl-docs')
    private static final def MARKER = ~/^<!--\s*([a-z-]+):?\s*(.*?)\s*-->$/
    private static final Set<String> AFTER = ['expect', 'exit', 'args'] as Set

    @Canonical
    static final class Block {
        String file
        int line
        String code
        List<String> expects
        int exit
        List<String> args
        String notRun
        List<String> problems
        /** A ```bash block: its lines are lstudio command lines, run one after the other. */
        boolean shell

        /** A shell block's command lines, each as its words ({@code lstudio} dropped). */
        List<List<String>> commands() {
            code.readLines().findAll { !it.isBlank() && !it.strip().startsWith('#') }.collect { words(it.strip()).drop(1) }
        }

        boolean runnable() { notRun == null }

        String where() { "$file:$line" }

        String toString() { where() }
    }

    private DocBlocks() {
    }

    /** The README (a newcomer's first page) and every page of dsl-docs. */
    static List<Path> pages() {
        [Path.of('README.md')] + Files.list(DOCS).withCloseable { s -> s.filter { it.toString().endsWith('.md') }.sorted().toList() }
    }

    static List<Block> all() {
        pages().collectMany { parse(it.fileName.toString(), Files.readString(it)) }
    }

    static List<Block> runnable() {
        all().findAll { it.runnable() }
    }

    static List<Block> parse(String file, String markdown) {
        List<String> lines = markdown.readLines()
        List<Block> blocks = []
        Map pendingBefore = [:]       // markers seen since the last block, for the next block
        List<String> pendingProblems = []
        int i = 0
        while (i < lines.size()) {
            String line = lines[i].strip()
            def marker = MARKER.matcher(line)
            if (line.startsWith('```')) {
                boolean groovy = line == '```groovy'
                int start = i + 1
                int end = start
                while (end < lines.size() && lines[end].strip() != '```') {
                    end++
                }
                boolean shell = line == '```bash' && expectFollows(lines, end + 1)
                if (!groovy && !shell) {
                    i = end + 1
                    continue
                }
                String code = lines.subList(start, Math.min(end, lines.size())).join('\n') + '\n'
                List<String> problems = new ArrayList<>(pendingProblems)
                if (end >= lines.size()) {
                    problems << "the block is not closed"
                }
                Map after = [expect: []]
                i = end + 1
                while (i < lines.size()) {
                    String next = lines[i].strip()
                    def m = MARKER.matcher(next)
                    if (next.isEmpty()) {
                        i++
                    } else if (m.matches() && m.group(1) in AFTER) {
                        record(after, m.group(1), m.group(2), problems)
                        i++
                    } else {
                        break
                    }
                }
                String reason = pendingBefore['not-run']
                if (pendingBefore.containsKey('not-run') && !reason) {
                    problems << "<!-- not-run --> needs a reason: <!-- not-run: why it cannot run here -->"
                }
                if (reason == null && after.expect.isEmpty()) {
                    problems << "a runnable block needs at least one <!-- expect: TEXT --> after it (what a reader should see)"
                }
                if (shell) {
                    code.readLines().findAll { !it.isBlank() && !it.strip().startsWith('#') && !(it.strip() =~ /^lstudio\s/) }
                            .each { problems << "a runnable bash block holds lstudio command lines only, not: $it" }
                }
                blocks << new Block(file: file, line: start, code: code, expects: after.expect,
                        exit: (after.exit ?: 0) as int, args: after.args ?: [],
                        notRun: pendingBefore.containsKey('not-run') ? (reason ?: '') : null, problems: problems,
                        shell: shell)
                pendingBefore = [:]
                pendingProblems = []
                continue
            }
            if (marker.matches()) {
                String kind = marker.group(1)
                if (kind == 'not-run') {
                    pendingBefore['not-run'] = marker.group(2)
                } else if (kind in AFTER) {
                    pendingProblems << "line ${i + 1}: <!-- $kind --> must follow the block it is about, right after its closing fence"
                }
            } else if (!line.isEmpty() && !line.startsWith('<!--')) {
                if (pendingBefore.containsKey('not-run')) {
                    pendingProblems << "line ${i + 1}: <!-- not-run --> must come right before its block"
                }
                pendingBefore = [:]
            }
            i++
        }
        if (pendingProblems) {
            // A misplaced marker after the last block: report it there, or on its own.
            if (blocks) {
                blocks.last().problems.addAll(pendingProblems)
            } else {
                blocks << new Block(file: file, line: 1, code: '', expects: [], exit: 0, args: [],
                        notRun: 'no block', problems: pendingProblems)
            }
        }
        blocks
    }

    /** Whether the first line after a block's closing fence, blank lines aside, is an {@code <!-- expect -->}. */
    private static boolean expectFollows(List<String> lines, int from) {
        int i = from
        while (i < lines.size() && lines[i].isBlank()) {
            i++
        }
        i < lines.size() && lines[i].strip() ==~ /^<!--\s*expect:.*-->$/
    }

    /** A command line's words, as a shell splits them: single and double quotes group, backslash escapes. */
    static List<String> words(String line) {
        List<String> words = []
        StringBuilder word = null
        char quote = 0
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i)
            if (quote) {
                if (c == quote) {
                    quote = 0
                } else if (c == '\\' as char && quote == '"' as char && i + 1 < line.length()) {
                    word.append(line.charAt(++i))
                } else {
                    word.append(c)
                }
            } else if (c == "'" as char || c == '"' as char) {
                word = word ?: new StringBuilder()
                quote = c
            } else if (c == '\\' as char && i + 1 < line.length()) {
                word = (word ?: new StringBuilder()).append(line.charAt(++i))
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words << word.toString()
                    word = null
                }
            } else {
                word = (word ?: new StringBuilder()).append(c)
            }
        }
        if (word != null) {
            words << word.toString()
        }
        words
    }

    private static void record(Map after, String kind, String value, List<String> problems) {
        switch (kind) {
            case 'expect':
                if (value) after.expect << value else problems << '<!-- expect --> needs the text to look for'
                break
            case 'exit':
                if (value.isInteger()) after.exit = value as int else problems << "<!-- exit: $value --> needs a number"
                break
            case 'args':
                after.args = value.split(/\s+/).findAll() as List
                break
        }
    }
}
