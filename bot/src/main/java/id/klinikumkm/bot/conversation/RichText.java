package id.klinikumkm.bot.conversation;

import java.util.regex.Pattern;

/**
 * The one piece of markup in bot and FAQ texts: {@code **bold**} within a line. Everything else is plain
 * text that every channel shows literally (Telegram escapes it for its HTML mode, the web page inserts it as
 * text).
 */
public final class RichText {
    /** A bold span: two asterisks, text without asterisks or line breaks, two asterisks. */
    public static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");

    private RichText() {}

    /** The text without markup, for channels that show plain text. */
    public static String plain(String text) {
        return BOLD.matcher(text).replaceAll("$1");
    }

    /** {@code text} in bold; user-provided text is made literal first. */
    public static String bold(String text) {
        String inner = text.replace("*", "").strip();
        return inner.isEmpty() ? "" : "**" + inner + "**";
    }
}
