package id.klinikumkm.bot.conversation;

/**
 * The port through which the conversation understands free text: it names the FAQ topic (intent) a message
 * is about and how sure it is. Implementations must be thread-safe; the engine calls them from many request
 * threads at once.
 *
 * @see Interpretation
 */
@FunctionalInterface
public interface IntentClassifier {

    /** A classifier that understands nothing: every message falls back to the menu. */
    IntentClassifier NONE = text -> new Interpretation(text, Interpretation.Decision.FALLBACK, java.util.List.of());

    /**
     * Interprets one message as typed by a user.
     *
     * @param text the user's text, already cleaned of control characters; never null
     * @return the normalised text, the decision, and the best intents, most probable first
     */
    Interpretation interpret(String text);
}
