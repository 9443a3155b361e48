package dev.lstudio.emulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine slugs of studios-api.md and api-facts.md, with the GPUs each one has. */
final class MachineCatalog {
    static final String DEFAULT = "cpu-4";

    /**
     * One machine type; {@code gpu} is null on CPU machines. Prices (USD per hour, on demand) and
     * instance types are made up but plausible: the live service reports both in codestatus, and
     * clients show them, so the emulator needs numbers that differ by machine.
     */
    record Machine(String slug, Gpu gpu, int gpuCount, double pricePerHour, String instanceType) {
        boolean hasGpu() {
            return gpu != null;
        }

        /** Spot machines cost well under half, as on the big clouds. */
        double price(boolean spot) {
            return Math.round(pricePerHour * (spot ? 0.4 : 1.0) * 100) / 100.0;
        }
    }

    /** What nvidia-smi reports for one GPU of a model. */
    record Gpu(String model, int memoryMiB, int capWatts) {
    }

    private static final Gpu T4 = new Gpu("Tesla T4", 15360, 70);
    private static final Gpu L4 = new Gpu("NVIDIA L4", 23034, 72);
    private static final Gpu L40S = new Gpu("NVIDIA L40S", 46068, 350);
    private static final Gpu RTX_PRO = new Gpu("NVIDIA RTX PRO 6000 Blackwell Server Edition", 97887, 600);
    private static final Gpu A100_40 = new Gpu("NVIDIA A100-SXM4-40GB", 40960, 400);
    private static final Gpu A100_80 = new Gpu("NVIDIA A100-SXM4-80GB", 81920, 400);
    private static final Gpu H100 = new Gpu("NVIDIA H100 80GB HBM3", 81559, 700);
    private static final Gpu H200 = new Gpu("NVIDIA H200", 143771, 700);
    private static final Gpu B200 = new Gpu("NVIDIA B200", 183359, 1000);

    private static final Map<String, Machine> ALL = new LinkedHashMap<>();

    static {
        add("cpu-2", null, 0, 0.10, "m6i.large");
        add("cpu-4", null, 0, 0.20, "m6i.xlarge");
        add("cpu-8", null, 0, 0.40, "m6i.2xlarge");
        add("cpu-16", null, 0, 0.80, "m6i.4xlarge");
        add("data-prep-mid", null, 0, 1.05, "r6i.8xlarge");
        add("data-prep-max-large", null, 0, 2.60, "r6i.16xlarge");
        add("data-prep-ultra-extra-large", null, 0, 5.20, "r6i.32xlarge");
        add("lit-t4-1-small", T4, 1, 0.42, "g4dn.xlarge");
        gpus("lit-t4", T4, 0.68, "g4dn", 1, 2, 4, 8);
        gpus("lit-l4", L4, 0.85, "g6", 1, 4);
        gpus("lit-l40s", L40S, 1.95, "g6e", 1, 4, 8);
        gpus("lit-rtx-6000-pro", RTX_PRO, 2.60, "g7e", 1, 8);
        gpus("lit-a100", A100_40, 1.80, "p4d", 1, 8);
        gpus("lit-a100-40gb", A100_40, 1.80, "p4d", 1, 8);
        gpus("lit-a100-80gb", A100_80, 2.40, "p4de", 1, 8);
        gpus("lit-h100", H100, 3.50, "p5", 1, 8);
        gpus("lit-h200x", H200, 4.50, "p5e", 1, 8);
        gpus("lit-b200x", B200, 6.25, "p6-b200", 8);
    }

    private MachineCatalog() {
    }

    private static void gpus(String prefix, Gpu gpu, double pricePerGpu, String family, int... counts) {
        for (int n : counts) {
            String size = n == 1 ? "2xlarge" : n == 2 ? "12xlarge" : n == 4 ? "24xlarge" : "48xlarge";
            add(prefix + "-" + n, gpu, n, pricePerGpu * n, family + "." + size);
        }
    }

    private static void add(String slug, Gpu gpu, int count, double price, String instanceType) {
        ALL.put(slug, new Machine(slug, gpu, count, price, instanceType));
    }

    /** The machine for a slug, or null for one the emulator does not know. */
    static Machine find(String slug) {
        return slug == null ? null : ALL.get(slug);
    }

    /**
     * The machine for a slug, or a 400 that names the nearest one: one line a person can act on,
     * not the sixty slugs (the client names the same nearest slug, by the same rule).
     */
    static Machine require(String slug) {
        Machine m = slug == null ? null : ALL.get(slug);
        if (m != null) {
            return m;
        }
        if (slug == null || slug.isBlank()) {
            throw ApiError.invalid("compute_config.name is empty; name a machine, e.g. cpu-4");
        }
        throw ApiError.invalid("unknown machine '" + slug + "' (did you mean " + nearest(slug) + "?)");
    }

    /** Edit distance ignoring case, ties to the longer shared prefix: 'LIT-H100-1' is nearest lit-h100-1, not lit-a100-1. */
    static String nearest(String slug) {
        String wanted = slug.strip().toLowerCase(Locale.ROOT);
        return ALL.keySet().stream()
                .min(Comparator.<String>comparingInt(s -> distance(s, wanted)).thenComparing(s -> -sharedPrefix(s, wanted)))
                .orElse(DEFAULT);
    }

    private static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
