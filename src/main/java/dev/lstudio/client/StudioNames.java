package dev.lstudio.client;

import dev.lstudio.api.LightningException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Studio names as the API takes them: "URL-safe, lowercase" (the reference's words). A name
 * with a space, a slash, a capital or a letter outside ASCII can never name a Studio, so it is
 * refused here, before any call, with a name that would do. Length and the finer rules
 * (hyphens only, say) are left to the server, which knows them.
 */
public final class StudioNames {
    /** Lowercase ASCII letters, digits and the other characters that need no escaping in a URL. */
    private static final Pattern URL_SAFE_LOWERCASE = Pattern.compile("[a-z0-9._~-]+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");

    private StudioNames() {
    }

    /** Throws {@link InvalidNameException} when {@code name} cannot name a Studio. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidNameException("a studio needs a name, e.g. 'my-studio'");
        }
        if (!URL_SAFE_LOWERCASE.matcher(name).matches()) {
            // starts as the DSL's subject does ("studio 'x': ..."), so it is not named twice
            throw new InvalidNameException("studio '" + name + "': not a valid name; names are lowercase letters, "
                    + "digits and hyphens (they go into URLs): use '" + suggest(name) + "'"
                    + " (a display name may be anything: displayName: '" + name + "')");
        }
        return name;
    }

    /** A valid name close to {@code name}: lowercase, accents dropped, other runs of characters as one hyphen. */
    public static String suggest(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = NOT_ALLOWED.matcher(plain).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "my-studio" : slug;
    }

    /** A name that cannot name a Studio; says which name would. */
    public static final class InvalidNameException extends LightningException {
        InvalidNameException(String message) {
            super(message, null);
        }
    }
}
