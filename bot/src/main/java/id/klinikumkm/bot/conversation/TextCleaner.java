package id.klinikumkm.bot.conversation;

import java.text.Normalizer;

/**
 * Makes any user text safe to store and show: NFC form, no control characters other than line breaks and
 * tabs (PostgreSQL rejects NUL), and lone UTF-16 surrogates replaced, so odd input never fails a turn.
 */
public final class TextCleaner {
    private TextCleaner() {}

    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\r') {
                boolean crlf = i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (!crlf) {
                    out.append('\n');
                }
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
