package dev.lstudio.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lstudio.api.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A run's claim on a Studio, kept on the Studio itself (its {@code userMetadata}) where every host
 * with credentials for the teamspace sees it: which run holds it (id, host, pid, script), since
 * when, until when unless renewed, and the auto-sleep it had before the run's dead man's switch
 * (null: the run did not change it). {@code lstudio cleanup --shared} stops a Studio whose lease
 * has expired. Never holds a credential.
 *
 * <p>userMetadata is the user's too, so the lease shares it: a JSON object gets an {@value #KEY}
 * key beside the user's own; any other text (plain words, a JSON array) is kept whole under
 * {@value #KEPT} while a lease is on, and given back exactly as it was when the lease is removed.
 */
public record Lease(String run, String host, long pid, String script, Instant started, Instant expires,
                    SleepSettings sleepBefore) {
    /** The key of the lease in a userMetadata object. */
    public static final String KEY = "lstudio";
    /** Where userMetadata that is not a JSON object waits while a lease is on. */
    public static final String KEPT = "lstudioKeptText";

    private static final ObjectMapper MAPPER = Json.mapper();

    @JsonCreator
    public Lease(@JsonProperty("run") String run, @JsonProperty("host") String host, @JsonProperty("pid") long pid,
                 @JsonProperty("script") String script, @JsonProperty("started") Instant started,
                 @JsonProperty("expires") Instant expires, @JsonProperty("sleepBefore") SleepSettings sleepBefore) {
        this.run = Objects.requireNonNull(run, "run");
        this.host = host;
        this.pid = pid;
        this.script = script;
        this.started = started;
        this.expires = Objects.requireNonNull(expires, "expires");
        this.sleepBefore = sleepBefore;
    }

    /** The same lease, good until {@code until}. */
    public Lease renewed(Instant until) {
        return new Lease(run, host, pid, script, started, until, sleepBefore);
    }

    /** Whether it expired more than {@code grace} before {@code now}. */
    public boolean expiredLongerThan(Duration grace, Instant now) {
        return expires.plus(grace).isBefore(now);
    }

    public String describe() {
        return "run " + run + " (" + (script == null ? "?" : script) + ", pid " + pid + " on " + host + ")";
    }

    /** The lease in {@code metadata}, or null: none, or not one lstudio can read. */
    public static Lease in(String metadata) {
        JsonNode node = object(metadata);
        JsonNode lease = node == null ? null : node.get(KEY);
        if (lease == null || !lease.isObject()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(lease, Lease.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** {@code metadata} holding this lease (in place of any earlier one), and everything else it held. */
    public String into(String metadata) {
        ObjectNode node = object(metadata);
        if (node == null) {
            node = MAPPER.createObjectNode();
            node.put(KEPT, metadata);
        }
        node.set(KEY, MAPPER.valueToTree(this));
        return write(node);
    }

    /** {@code metadata} without a lease: as the user left it (empty when it held nothing else). */
    public static String without(String metadata) {
        ObjectNode node = object(metadata);
        if (node == null || !node.has(KEY)) {
            return metadata;
        }
        node.remove(KEY);
        JsonNode kept = node.get(KEPT);
        if (kept != null && kept.isTextual() && node.size() == 1) {
            return kept.asText();
        }
        return node.isEmpty() ? "" : write(node);
    }

    /** The metadata as a JSON object, or null when it is blank or any other text. */
    private static ObjectNode object(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return metadata == null || metadata.isEmpty() ? MAPPER.createObjectNode() : null;
        }
        try {
            JsonNode node = MAPPER.readTree(metadata);
            return node instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write userMetadata", e);
        }
    }
}
