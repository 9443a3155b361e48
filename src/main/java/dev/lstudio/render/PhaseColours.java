package dev.lstudio.render;

import java.util.Locale;
import org.jline.utils.AttributedStyle;

/**
 * The colour of a studio phase, by the phase's last word so that both {@code RUNNING} and
 * {@code CLOUD_SPACE_INSTANCE_STATE_RUNNING} match and unknown phases stay plain.
 */
public final class PhaseColours {

    private PhaseColours() {
    }

    public static AttributedStyle style(Object phase) {
        if (phase == null) {
            return AttributedStyle.DEFAULT.faint();
        }
        String p = phase.toString().toUpperCase(Locale.ROOT);
        String word = p.substring(p.lastIndexOf('_') + 1);
        return switch (word) {
            case "RUNNING" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case "PENDING", "STARTING", "STOPPING", "UNSPECIFIED", "BUILDING" ->
                    AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case "FAILED" -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
            case "STOPPED", "DELETED" -> AttributedStyle.DEFAULT.faint();
            default -> AttributedStyle.DEFAULT;
        };
    }
}
