package se.dikta.settings;

/** Invalid configuration: the message names the key and where the bad value came from. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
