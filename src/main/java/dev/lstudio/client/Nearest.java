package dev.lstudio.client;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" of the house: the candidate closest to a mistyped word (edit distance,
 * ignoring case; ties go to the longer shared prefix). Machine slugs and DSL verbs both ask it.
 * (The emulator keeps its own copy: it shares no class with the client, by design.)
 */
public final class Nearest {

    private Nearest() {
    }

    /** The candidate closest to {@code wanted}, or empty when there are none. */
    public static Optional<String> among(String wanted, Collection<String> candidates) {
        String w = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT).strip();
        return candidates.stream()
                .min(Comparator.<String>comparingInt(c -> distance(w, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(c -> -sharedPrefix(w, c.toLowerCase(Locale.ROOT))));
    }

    /**
     * The candidate closest to {@code wanted} when it is close enough to be what was meant: at most
     * two edits, and fewer than half the word ({@code exce} finds {@code exec}; {@code foo} finds nothing).
     */
    public static Optional<String> likely(String wanted, Collection<String> candidates) {
        return among(wanted, candidates).filter(c -> {
            int d = distance(wanted.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            return d <= 2 && d * 2 <= Math.max(wanted.length(), c.length());
        });
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
