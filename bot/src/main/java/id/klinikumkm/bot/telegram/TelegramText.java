package id.klinikumkm.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import id.klinikumkm.bot.conversation.RichText;
import org.owasp.encoder.Encode;

/** Telegram's text rules: HTML parse mode with everything escaped, and at most 4096 characters a message. */
final class TelegramText {
    static final int MAX_CHARS = 4096;

    private TelegramText() {}

    /** Labels at most this long may share a keyboard row with a neighbour of the same kind. */
    static final int SHORT_LABEL = 18;

    /**
     * For parse_mode HTML: everything is escaped (our texts, admins' answers and users' names are shown
     * literally), then the one markup of bot texts, {@code **bold**}, becomes {@code <b>}.
     */
    static String html(String text) {
        return RichText.BOLD.matcher(Encode.forHtmlContent(text)).replaceAll("<b>$1</b>");
    }

    /** Button rows for a phone: two short labels side by side, a long one on a row of its own. */
    static <T> List<List<T>> rows(List<T> buttons, java.util.function.Function<T, String> label) {
        List<List<T>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            T button = buttons.get(i);
            boolean pair = i + 1 < buttons.size() && isShort(label.apply(button)) && isShort(label.apply(buttons.get(i + 1)));
            rows.add(pair ? List.of(button, buttons.get(++i)) : List.of(button));
        }
        return rows;
    }

    private static boolean isShort(String label) {
        return label.codePointCount(0, label.length()) <= SHORT_LABEL;
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
