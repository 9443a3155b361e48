package dev.lstudio.api;

import java.util.regex.Pattern;

/**
 * Presigned URLs carry their signature (and often a credential id) in the query: wherever one
 * could be logged or put in a message, the query's values are masked, the names kept (so a
 * debug line still says what kind of URL it was).
 */
public final class StorageUrls {
    private static final Pattern VALUE = Pattern.compile("=[^&#\\s\"'<>)]*");
    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>)]*");

    private StorageUrls() {
    }

    /** {@code url} with every query value masked; null stays null. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q + 1) + VALUE.matcher(url.substring(q + 1)).replaceAll("=****");
    }

    /** Any text (an exception's message, a server's answer) with the query of every URL in it masked. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return QUERY.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(redact(m.group())));
    }
}
