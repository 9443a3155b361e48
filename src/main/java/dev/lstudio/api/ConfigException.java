package dev.lstudio.api;

/**
 * Credentials or settings are missing or unusable. The message names the environment
 * variables and the file to fix; it never contains the API key.
 */
public final class ConfigException extends LightningException {
    ConfigException(String message) {
        super(message, null);
    }
}
