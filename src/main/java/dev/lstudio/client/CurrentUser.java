package dev.lstudio.client;

/** The user the credentials belong to. */
public record CurrentUser(String id, String username) {
}
