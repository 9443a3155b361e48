package dev.lstudio.layering.offenders.client;

import dev.lstudio.api.CloudSpace;
import dev.lstudio.layering.offenders.dsl.CallsBack;

/**
 * Breaks the layering on purpose, for LayeringSpec: a client class that exports a wire record,
 * and (with {@link CallsBack}) a cycle between two packages. Never used.
 */
public final class HandsOutTheWire {
    public CloudSpace info() {
        return CloudSpace.of("id", "name");
    }

    public Object above() {
        return new CallsBack();
    }
}
