package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Faults on demand. A rule names a method and a path glob ({@code *} one segment, {@code **} any
 * depth) and gives probabilities of answering 429/500/502/503, of dropping the connection before
 * the request is handled ({@code drop}) or after it was handled ({@code drop-after}, so the change
 * happened but the caller never hears of it), and of added latency. Glitches that are not errors:
 * {@code empty} answers {@code 200 {}} (well formed, saying nothing), {@code drip} sends the real
 * answer a byte at a time ({@code drip-every}, 100 ms by default), {@code storm} starts a 429 storm
 * on everything the rule matches ({@code storm-for}, 2 s by default) and {@code endless-pages}
 * gives a list page a fresh {@code nextPageToken} that leads to the same page again. On presigned
 * storage ({@code /storage/**}): {@code drop-part} reads part of a PUT's body and closes the
 * connection (nothing stored), {@code expired} answers 403 "Request has expired" early, and
 * {@code short-body} sends a GET's full Content-Length but only half the bytes (there, the
 * statuses, drop, drop-after, empty, storm and latency work too; drip and endless-pages do nothing). One seedable
 * Random draws for every request in order, so a sequential test sees the same faults on every run.
 */
final class Faults {
    private final Map<String, Long> injected = new TreeMap<>();
    static final List<String> KINDS = List.of("429", "500", "502", "503", "drop", "drop-after",
            "empty", "drip", "storm", "endless-pages", "drop-part", "expired", "short-body");
    /** Faults of presigned storage (/storage/**); on /v1 they change nothing. */
    static final java.util.Set<String> STORAGE_ONLY = java.util.Set.of("drop-part", "expired", "short-body");
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

    private final List<Rule> rules = new ArrayList<>();
    /** When each rule's 429 storm passes (System.nanoTime), by rule identity. */
    private final Map<Rule, Long> storms = new java.util.IdentityHashMap<>();
    private Random random;

    /** What to do to one request. {@code fault} is null when it is served normally; {@code dripMillis} paces a drip. */
    record Decision(long latencyMillis, String fault, long retryAfterSeconds, long dripMillis) {
    }

    /** One rule; see the class comment. Written on a command line as {@link #parse its spec}. */
    record Rule(String method, String path, Map<String, Double> faults, long latencyMillis,
                double latencyProbability, long retryAfterSeconds, long dripMillis, long stormMillis) {
        static final long DRIP_EVERY = 100;
        static final long STORM_FOR = 2_000;

        Rule(String method, String path, Map<String, Double> faults, long latencyMillis, double latencyProbability,
             long retryAfterSeconds) {
            this(method, path, faults, latencyMillis, latencyProbability, retryAfterSeconds, DRIP_EVERY, STORM_FOR);
        }

        Rule {
            method = method == null || method.isBlank() ? "*" : method.toUpperCase(Locale.ROOT);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("fault rule path must start with '/', e.g. /v1/**, not " + path);
            }
            faults = Map.copyOf(faults == null ? Map.of() : faults);
            double sum = 0;
            for (Map.Entry<String, Double> f : faults.entrySet()) {
                if (!KINDS.contains(f.getKey())) {
                    throw new IllegalArgumentException("unknown fault '" + f.getKey() + "'; use one of " + KINDS
                            + " or latency:DURATION");
                }
                sum += probability(f.getValue());
            }
            if (sum > 1.0000001) {
                throw new IllegalArgumentException("fault probabilities of one rule add up to " + sum + "; keep them <= 1");
            }
            probability(latencyProbability);
            if (latencyMillis < 0 || retryAfterSeconds < 0 || dripMillis < 0 || stormMillis < 0) {
                throw new IllegalArgumentException("latency, retry-after, drip-every and storm-for must not be negative");
            }
        }

        boolean matches(String m, String p) {
            return (method.equals("*") || method.equals(m)) && GLOBS.computeIfAbsent(path, Faults::glob).matcher(p).matches();
        }

        /** The rule in the command-line form {@code METHOD PATH KIND:P ... latency:D:P retry-after:D}. */
        @JsonProperty("spec")
        String spec() {
            StringBuilder s = new StringBuilder(method).append(' ').append(path);
            for (String kind : KINDS) {
                if (faults.containsKey(kind)) {
                    s.append(' ').append(kind).append(':').append(faults.get(kind));
                }
            }
            if (latencyMillis > 0) {
                s.append(" latency:").append(latencyMillis).append("ms:").append(latencyProbability);
            }
            if (retryAfterSeconds != 1) {
                s.append(" retry-after:").append(retryAfterSeconds).append('s');
            }
            if (dripMillis != DRIP_EVERY) {
                s.append(" drip-every:").append(dripMillis).append("ms");
            }
            if (stormMillis != STORM_FOR) {
                s.append(" storm-for:").append(stormMillis).append("ms");
            }
            return s.toString();
        }

        /**
         * Parses {@code [METHOD] PATH EFFECT...}: EFFECT is
         * {@code 429|500|502|503|drop|drop-after|empty|drip|storm|endless-pages|drop-part|expired|short-body[:P]},
         * {@code latency:DURATION[:P]}, {@code retry-after:DURATION}, {@code drip-every:DURATION} or
         * {@code storm-for:DURATION}; P defaults to 1.
         */
        static Rule parse(String spec) {
            String[] tokens = spec.trim().split("\\s+");
            int i = 0;
            String method = "*";
            if (tokens.length > 0 && !tokens[0].startsWith("/")) {
                method = tokens[i++];
            }
            if (i >= tokens.length) {
                throw new IllegalArgumentException("fault rule '" + spec + "' has no path; write e.g."
                        + " 'POST /v1/projects/*/cloudspaces/*/execute 503:0.3 latency:200ms'");
            }
            String path = tokens[i++];
            Map<String, Double> faults = new LinkedHashMap<>();
            long latency = 0;
            double latencyP = 0;
            long retryAfter = 1;
            long dripEvery = Rule.DRIP_EVERY;
            long stormFor = Rule.STORM_FOR;
            for (; i < tokens.length; i++) {
                String[] parts = tokens[i].split(":");
                String kind = parts[0].toLowerCase(Locale.ROOT);
                if (kind.equals("latency")) {
                    latency = DurationOption.parse(part(parts, 1, tokens[i])).toMillis();
                    latencyP = parts.length > 2 ? number(parts[2]) : 1;
                } else if (kind.equals("retry-after")) {
                    retryAfter = Math.max(0, DurationOption.parse(part(parts, 1, tokens[i])).toSeconds());
                } else if (kind.equals("drip-every")) {
                    dripEvery = DurationOption.parse(part(parts, 1, tokens[i])).toMillis();
                } else if (kind.equals("storm-for")) {
                    stormFor = DurationOption.parse(part(parts, 1, tokens[i])).toMillis();
                } else {
                    faults.put(kind, parts.length > 1 ? number(parts[1]) : 1);
                }
            }
            return new Rule(method, path, faults, latency, latencyP, retryAfter, dripEvery, stormFor);
        }

        static Rule fromJson(JsonNode node) {
            String spec = Json.text(node, "spec");
            if (spec != null) {
                return parse(spec);
            }
            Map<String, Double> faults = new LinkedHashMap<>();
            JsonNode f = Json.objectField(node, "faults");
            if (f != null) {
                f.fields().forEachRemaining(e -> faults.put(e.getKey(), e.getValue().asDouble()));
            }
            Long latency = Json.integer(node, "latency_millis");
            JsonNode lp = Json.field(node, "latency_probability");
            Long retry = Json.integer(node, "retry_after_seconds");
            return new Rule(Json.text(node, "method"), Json.text(node, "path"), faults,
                    latency == null ? 0 : latency, lp == null ? (latency == null ? 0 : 1) : lp.asDouble(),
                    retry == null ? 1 : retry);
        }

        private static String part(String[] parts, int i, String token) {
            if (parts.length <= i) {
                throw new IllegalArgumentException("'" + token + "' needs a duration, e.g. latency:200ms");
            }
            return parts[i];
        }

        private static double number(String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a probability; write a number from 0 to 1");
            }
        }

        private static double probability(Double p) {
            if (p == null || p < 0 || p > 1 || p.isNaN()) {
                throw new IllegalArgumentException("probability " + p + " is not between 0 and 1");
            }
            return p;
        }
    }

    Faults(List<Rule> initial, long seed) {
        rules.addAll(initial);
        random = new Random(seed);
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    synchronized Decision decide(String method, String path) {
        long latency = 0;
        for (Rule r : rules) {
            if (!r.matches(method, path)) {
                continue;
            }
            Long stormUntil = storms.get(r);
            if (stormUntil != null && System.nanoTime() < stormUntil) {
                injected.merge("storm", 1L, Long::sum);
                return new Decision(latency, "429", r.retryAfterSeconds(), r.dripMillis());
            }
            if (r.latencyMillis() > 0 && random.nextDouble() < r.latencyProbability()) {
                latency += r.latencyMillis();
            }
            if (r.faults().isEmpty()) {
                continue;
            }
            double draw = random.nextDouble();
            double cumulative = 0;
            for (String kind : KINDS) {
                cumulative += r.faults().getOrDefault(kind, 0.0);
                if (draw < cumulative) {
                    injected.merge(kind, 1L, Long::sum);
                    if (kind.equals("storm")) {
                        // Every request this rule matches is answered 429 until the storm passes.
                        storms.put(r, System.nanoTime() + r.stormMillis() * 1_000_000L);
                        return new Decision(latency, "429", r.retryAfterSeconds(), r.dripMillis());
                    }
                    return new Decision(latency, kind, r.retryAfterSeconds(), r.dripMillis());
                }
            }
        }
        return new Decision(latency, null, 0, 0);
    }

    synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** How many of each fault were injected since the emulator started (or was reset), for soak figures. */
    synchronized Map<String, Long> injected() {
        return new TreeMap<>(injected);
    }

    synchronized void resetCounts() {
        injected.clear();
    }

    synchronized void replace(List<Rule> next, Long seed) {
        rules.clear();
        storms.clear();
        rules.addAll(next);
        if (seed != null) {
            random = new Random(seed);
        }
    }
}
