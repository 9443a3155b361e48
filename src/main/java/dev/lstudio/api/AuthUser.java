package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** The caller, from {@code GET /v1/auth/user} or {@code GET /v1/auth/whoami}; the id comes as {@code id} or {@code userId}. */
public record AuthUser(
        @JsonAlias({"userId", "user_id"}) String id,
        String username,
        String email) {
}
