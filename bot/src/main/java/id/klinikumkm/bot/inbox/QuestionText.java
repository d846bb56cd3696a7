package id.klinikumkm.bot.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** How questions are compared: people type the same question with different case, spacing and punctuation. */
final class QuestionText {
    /** Runs of punctuation and blanks: "Apa itu NIB ??" and "apa itu nib?" are one question. */
    private static final Pattern PUNCTUATION_AND_BLANKS = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s]+");

    private QuestionText() {}

    /** Lower case, every run of punctuation and whitespace made one space, nothing at either end (so no trailing ?!.). */
    static String normalise(String text) {
        return PUNCTUATION_AND_BLANKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** A short stable id for a normalised text: the text itself would put users' words into addresses and the audit log. */
    static String groupId(String normalised) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "q-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
