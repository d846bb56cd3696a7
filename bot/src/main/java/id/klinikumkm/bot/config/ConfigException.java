package id.klinikumkm.bot.config;

/** Invalid configuration; the message is one line naming the key, fit to print before exiting. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
