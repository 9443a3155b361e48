package dev.lstudio.client;

/** Which way bytes go: {@code UP} from this machine to a Studio, {@code DOWN} from a Studio here. */
public enum TransferDirection {
    UP, DOWN
}
