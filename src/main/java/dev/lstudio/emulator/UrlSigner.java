package dev.lstudio.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned storage URLs of this emulator: {@code /storage/{projectId}/{studioId}/{path}} with an
 * expiry and an HMAC-SHA256 over method, object, upload id, part number and expiry, keyed by a
 * secret that lives as long as the emulator (so a URL of an earlier run is refused, as an
 * expired one would be).
 */
final class UrlSigner {
    static final String EXPIRES = "X-Lstudio-Expires";
    static final String SIGNATURE = "X-Lstudio-Signature";

    private final byte[] secret = new byte[32];
    private final long ttlMillis;
    private final Supplier<String> baseUrl;

    /** {@code ttl} is the URL lifetime on the emulator's clock, so it passes {@code timeScale} times faster. */
    UrlSigner(Duration ttl, double timeScale, Supplier<String> baseUrl) {
        new SecureRandom().nextBytes(secret);
        this.ttlMillis = Math.max(1, Math.round(ttl.toMillis() / timeScale));
        this.baseUrl = baseUrl;
    }

    /** A URL for {@code method} on the object; {@code uploadId} null (and part 0) for a download. */
    String url(String method, String projectId, String studioId, String path, String uploadId, int partNumber) {
        // Rounded up: a URL lives at least its lifetime.
        long expires = (System.currentTimeMillis() + ttlMillis + 999) / 1000;
        String object = projectId + "/" + studioId + "/" + path;
        StringBuilder url = new StringBuilder(baseUrl.get()).append("storage/").append(encodePath(object))
                .append('?').append(EXPIRES).append('=').append(expires);
        if (uploadId != null) {
            url.append("&uploadId=").append(encode(uploadId)).append("&partNumber=").append(partNumber);
        }
        url.append('&').append(SIGNATURE).append('=').append(sign(method, object, uploadId, partNumber, expires));
        return url.toString();
    }

    boolean valid(String method, String object, String uploadId, int partNumber, long expires, String signature) {
        byte[] expected = sign(method, object, uploadId, partNumber, expires).getBytes(StandardCharsets.US_ASCII);
        return signature != null && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String method, String object, String uploadId, int partNumber, long expires) {
        String text = method + "\n" + object + "\n" + (uploadId == null ? "" : uploadId) + "\n" + partNumber + "\n" + expires;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    static String encodePath(String path) {
        java.util.StringJoiner out = new java.util.StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            out.add(encode(segment));
        }
        return out.toString();
    }

    /** Percent-encoding with %20 for a space: the emulator reads '+' in a path as a plus sign. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
