package id.klinikumkm.bot.conversation;

import java.util.regex.Pattern;

/**
 * The one piece of markup in bot and FAQ texts: {@code **bold**} within a line. Everything else is plain
 * text that every channel shows literally (Telegram escapes it for its HTML mode, the web page inserts it as
 * text). Strings a user typed never become markup: a flow that quotes one passes it through {@link #literal}.
 */
public final class RichText {
    /** A bold span: two asterisks, text without asterisks or line breaks, two asterisks. */
    public static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");

    private RichText() {}

    /** The text without markup, for channels that show plain text. */
    public static String plain(String text) {
        return BOLD.matcher(text).replaceAll("$1");
    }

    /** A user's string made safe to embed: it can no longer open or close a bold span. */
    public static String literal(String userText) {
        return userText.replace("**", "*\u200B*");
    }

    /** {@code text} in bold; user-provided text is made literal first. */
    public static String bold(String text) {
        String inner = text.replace("*", "").strip();
        return inner.isEmpty() ? "" : "**" + inner + "**";
    }
}
