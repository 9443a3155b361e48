package dev.lstudio.client;

/** A Studio's name and its status as last listed: what completion shows. */
public record StudioSummary(String name, Status status) {
}
