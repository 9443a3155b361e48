package dev.lstudio.layering.offenders.dsl;

import dev.lstudio.api.CloudSpace;

/**
 * A class that breaks the layering on purpose, for LayeringSpec to show that its rules fail:
 * DSL code reading a wire record. It stands in for a class of the dsl package; it is never used.
 */
public final class ReadsTheWire {
    public static String machineOf(CloudSpace studio) {
        return studio.codeConfig() == null ? null : studio.codeConfig().computeConfig().name();
    }
}
