package dev.lstudio.client;

import java.time.Duration;

/** One step of a wait: which Studio, which operation ("start", "stop", "switch", "exec"), what was seen, how long so far. */
public record Progress(String studio, String operation, String phase, Duration elapsed) {
}
