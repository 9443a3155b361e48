package dev.lstudio.client;

/** What a machine is for. */
public enum MachineKind { CPU, GPU, DATA_PREP }
