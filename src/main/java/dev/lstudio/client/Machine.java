package dev.lstudio.client;

/**
 * A machine slug lstudio knows. {@code gpuModel} is null and {@code gpuCount} 0 for CPU
 * machines; {@code vcpus} is null where no source states it.
 */
public record Machine(String slug, MachineKind kind, String gpuModel, int gpuCount, Integer vcpus) {

    /** e.g. "8x H100", "4 vCPUs", "data prep, 32 vCPUs". */
    public String describe() {
        String cpus = vcpus == null ? null : vcpus + " vCPUs";
        return switch (kind) {
            case GPU -> gpuCount + "x " + gpuModel + (cpus == null ? "" : ", " + cpus);
            case CPU -> cpus == null ? "CPU" : cpus;
            case DATA_PREP -> "data prep" + (cpus == null ? "" : ", " + cpus);
        };
    }
}
