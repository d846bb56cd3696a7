package id.klinikumkm.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import org.owasp.encoder.Encode;

/** Telegram's text rules: HTML parse mode with everything escaped, and at most 4096 characters a message. */
final class TelegramText {
    static final int MAX_CHARS = 4096;

    private TelegramText() {}

    /** Escapes for parse_mode HTML: our texts, admins' answers and users' names are all shown literally. */
    static String html(String text) {
        return Encode.forHtmlContent(text);
    }

    /**
     * Splits a long text into parts of at most {@code max} characters (counted before escaping, as Telegram
     * counts after parsing entities), preferring paragraph breaks, then line breaks, then spaces.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = lastBreak(rest, max, "\n\n");
            if (cut <= 0) {
                cut = lastBreak(rest, max, "\n");
            }
            if (cut <= 0) {
                cut = lastBreak(rest, max, " ");
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int lastBreak(String text, int max, String separator) {
        int at = text.lastIndexOf(separator, max - separator.length());
        return at < max / 4 ? -1 : at;
    }
}
