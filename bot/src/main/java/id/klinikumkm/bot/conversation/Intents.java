package id.klinikumkm.bot.conversation;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Intent keys: the names shared by the classifier's training data, the dialogue and the FAQ entries.
 *
 * <p>The answerable topics are not listed here: they are whatever the FAQ table and the training data hold
 * (checked against each other at start-up). Only the keys the dialogue itself acts on are constants.
 */
public final class Intents {
    public static final String OUT_OF_SCOPE = "out_of_scope";
    public static final String GREETING = "smalltalk.greeting";
    public static final String THANKS = "smalltalk.thanks";
    public static final String HANDOFF = "handoff.request";
    public static final String CASE_STATUS = "case.status";

    /** Keys that are not FAQ topics: the dialogue answers them itself. */
    public static final Set<String> NOT_TOPICS = Set.of(OUT_OF_SCOPE, GREETING, THANKS, HANDOFF, CASE_STATUS);

    /**
     * What a key may look like: lower-case dotted words, short enough that button payloads carrying it stay
     * within Telegram's 64-byte callback data.
     */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+){0,3}");
    public static final int MAX_KEY_LENGTH = 40;

    private Intents() {}

    public static boolean isValidKey(String key) {
        return key != null && key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
    }

    /** A key the FAQ may answer: well-formed and not one the dialogue handles itself. */
    public static boolean isTopic(String key) {
        return isValidKey(key) && !NOT_TOPICS.contains(key) && !key.startsWith("smalltalk.");
    }
}
