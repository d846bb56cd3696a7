package id.klinikumkm.bot.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session cookies, CSRF and API tokens, generated passwords, one-time codes) and their stored
 * hashes.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Secrets() {}

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A password that is easy to type from a phone (no look-alike letters). */
    static String password() {
        return readable(16);
    }

    /** {@code length} random letters and digits without look-alikes (no 0/O, 1/l/I). */
    public static String readable(int length) {
        return fromAlphabet(PASSWORD_ALPHABET, length);
    }

    /** {@code length} random characters of {@code alphabet}. */
    public static String fromAlphabet(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    /** Tokens are long and random, so a plain SHA-256 is enough to store them (unlike passwords). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
