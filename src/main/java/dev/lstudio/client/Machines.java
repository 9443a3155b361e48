package dev.lstudio.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine slugs of the reference's table and of the SDK. Slugs are lower case: one given in
 * another case is the same machine ({@link #slug}, and sent so). New slugs appear on the server
 * before they appear here, so an unknown slug is never refused here: it is sent as given; when
 * the server refuses it, {@link #refused} names the {@link #nearest(String)} known one, and when
 * the server takes it, {@link #warning(String)} says lstudio does not know it.
 */
public final class Machines {
    public static final String DEFAULT = "cpu-4";
    private static final Map<String, Machine> KNOWN = new LinkedHashMap<>();

    static {
        for (int n : new int[] {2, 4, 8, 16}) {
            add(new Machine("cpu-" + n, MachineKind.CPU, null, 0, n));
        }
        add(new Machine("data-prep-mid", MachineKind.DATA_PREP, null, 0, 32));
        add(new Machine("data-prep-max-large", MachineKind.DATA_PREP, null, 0, null));
        add(new Machine("data-prep-ultra-extra-large", MachineKind.DATA_PREP, null, 0, null));
        add(new Machine("lit-t4-1-small", MachineKind.GPU, "T4", 1, null));
        gpus("lit-t4-", "T4", 1, 2, 4, 8);
        gpus("lit-l4-", "L4", 1, 2, 4, 8);
        gpus("lit-l40s-", "L40S", 1, 2, 4, 8);
        gpus("lit-rtx-6000-pro-", "RTX 6000 Pro", 1, 2, 4, 8);
        gpus("lit-a100-", "A100", 1, 2, 4, 8);
        gpus("lit-a100-40gb-", "A100 40GB", 1, 2, 4, 8);
        gpus("lit-a100-80gb-", "A100 80GB", 1, 2, 4, 8);
        gpus("lit-h100-", "H100", 1, 2, 4, 8);
        gpus("lit-h200x-", "H200", 1, 8);
        gpus("lit-b200x-", "B200", 8);
    }

    private Machines() {
    }

    private static void gpus(String prefix, String model, int... counts) {
        for (int n : counts) {
            add(new Machine(prefix + n, MachineKind.GPU, model, n, null));
        }
    }

    private static void add(Machine machine) {
        KNOWN.put(machine.slug(), machine);
    }

    public static List<Machine> known() {
        return List.copyOf(KNOWN.values());
    }

    public static List<String> slugs() {
        return List.copyOf(KNOWN.keySet());
    }

    /** The slug as it is sent: {@link #DEFAULT} for none, else stripped and in lower case (the server's slugs are). */
    public static String slug(String machine) {
        return machine == null || machine.isBlank() ? DEFAULT : machine.strip().toLowerCase(Locale.ROOT);
    }

    /** The known machine of {@code slug}, whatever its case. */
    public static Optional<Machine> find(String slug) {
        return Optional.ofNullable(slug == null ? null : KNOWN.get(slug.strip().toLowerCase(Locale.ROOT)));
    }

    public static boolean isKnown(String slug) {
        return find(slug).isPresent();
    }

    /**
     * Whether {@code name}, as an instance status names its machine, can be compared with a slug:
     * a known slug, or one shaped like the slugs (a new one). The live service may name an
     * instance type instead ({@code p5.48xlarge}, {@code g4dn.xlarge}, {@code n2-standard-8}),
     * which says nothing about which slug it serves.
     */
    public static boolean comparable(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return isKnown(n) || n.startsWith("lit-") || n.startsWith("cpu-") || n.startsWith("data-prep-");
    }

    /** The known slug closest to {@code slug} (edit distance, ignoring case; ties to the longer shared prefix). */
    public static String nearest(String slug) {
        return Nearest.among(slug, new ArrayList<>(KNOWN.keySet())).orElse(DEFAULT);
    }

    /**
     * A warning for an unknown slug that the server took (so it is a real machine, newer than
     * lstudio: no suggestion), or empty when it is known.
     */
    public static Optional<String> warning(String slug) {
        if (isKnown(slug)) {
            return Optional.empty();
        }
        return Optional.of("machine '" + slug + "' is not one lstudio knows; the server took it");
    }

    /**
     * The one line for an unknown slug the server refused: the nearest known slug, and no list
     * (sixty names bury the one that was meant).
     */
    public static String refused(String slug) {
        return "machine '" + slug + "' is not one the server knows: did you mean '" + nearest(slug) + "'?";
    }
}
