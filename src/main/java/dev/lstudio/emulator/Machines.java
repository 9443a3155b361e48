package dev.lstudio.emulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine slugs of studios-api.md and api-facts.md, with the GPUs each one has. */
final class Machines {
    static final String DEFAULT = "cpu-4";

    /** One machine type; {@code gpu} is null on CPU machines. */
    record Machine(String slug, Gpu gpu, int gpuCount) {
        boolean hasGpu() {
            return gpu != null;
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
        for (String cpu : List.of("cpu-2", "cpu-4", "cpu-8", "cpu-16",
                "data-prep-mid", "data-prep-max-large", "data-prep-ultra-extra-large")) {
            add(cpu, null, 0);
        }
        add("lit-t4-1-small", T4, 1);
        gpus("lit-t4", T4, 1, 2, 4, 8);
        gpus("lit-l4", L4, 1, 4);
        gpus("lit-l40s", L40S, 1, 4, 8);
        gpus("lit-rtx-6000-pro", RTX_PRO, 1, 8);
        gpus("lit-a100", A100_40, 1, 8);
        gpus("lit-a100-40gb", A100_40, 1, 8);
        gpus("lit-a100-80gb", A100_80, 1, 8);
        gpus("lit-h100", H100, 1, 8);
        gpus("lit-h200x", H200, 1, 8);
        gpus("lit-b200x", B200, 8);
    }

    private Machines() {
    }

    private static void gpus(String prefix, Gpu gpu, int... counts) {
        for (int n : counts) {
            add(prefix + "-" + n, gpu, n);
        }
    }

    private static void add(String slug, Gpu gpu, int count) {
        ALL.put(slug, new Machine(slug, gpu, count));
    }

    /** The machine for a slug, or a 400 that lists every valid slug and the nearest one. */
    static Machine require(String slug) {
        Machine m = slug == null ? null : ALL.get(slug);
        if (m != null) {
            return m;
        }
        if (slug == null || slug.isBlank()) {
            throw ApiError.invalid("compute_config.name is empty; name a machine, e.g. cpu-4. Valid machines: "
                    + String.join(", ", ALL.keySet()));
        }
        throw ApiError.invalid("unknown machine '" + slug + "' (did you mean " + nearest(slug)
                + "?). Valid machines: " + String.join(", ", ALL.keySet()));
    }

    static String nearest(String slug) {
        return ALL.keySet().stream().min(Comparator.comparingInt(s -> distance(s, slug))).orElse(DEFAULT);
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
