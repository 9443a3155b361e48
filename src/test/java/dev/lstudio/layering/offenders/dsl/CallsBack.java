package dev.lstudio.layering.offenders.dsl;

import dev.lstudio.layering.offenders.client.HandsOutTheWire;

/** The other half of the cycle LayeringSpec must find (see {@link HandsOutTheWire}). Never used. */
public final class CallsBack {
    public Object below() {
        return new HandsOutTheWire().info();
    }
}
