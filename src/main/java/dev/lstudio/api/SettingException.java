package dev.lstudio.api;

/**
 * A setting other than the credentials has a value lstudio cannot use (e.g. a
 * {@code LIGHTNING_CLOUD_URL} without a scheme). Found before any call, it is a usage mistake,
 * not a credentials one: the message names the variable, its value and the value to use.
 */
public final class SettingException extends LightningException {
    SettingException(String message) {
        super(message, null);
    }
}
