package id.klinikumkm.bot.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The bot's wording, read once from {@code texts.properties}. Immutable and thread-safe. */
public final class BotTexts {
    private final Properties texts;

    private BotTexts(Properties texts) {
        this.texts = texts;
    }

    public static BotTexts load() {
        Properties properties = new Properties();
        try (InputStream in = BotTexts.class.getResourceAsStream("texts.properties")) {
            if (in == null) {
                throw new IllegalStateException("texts.properties is missing from the jar");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BotTexts(properties);
    }

    /** The text for {@code key} if there is one (for texts that may be refined per case). */
    public java.util.Optional<String> find(String key) {
        return java.util.Optional.ofNullable(texts.getProperty(key));
    }

    /** The text for {@code key}; a missing key is a programming error and fails loudly. */
    public String get(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no bot text for key " + key);
        }
        return text;
    }
}
