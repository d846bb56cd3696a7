package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Objects;

/**
 * A message the bot could not answer well, kept for admins to review so answers and training data improve.
 *
 * @param text what the user typed (personal data: erased with the chat; empty without consent)
 * @param reason {@code clarify}, {@code fallback}, {@code unhelpful} (a 👎 vote) or {@code no_entry}
 * @param top the classifier's best intents, best first (for a vote: the entry's key)
 */
public record UnansweredQuestion(String text, String reason, List<Interpretation.IntentScore> top) {
    public static final String CLARIFY = "clarify";
    public static final String FALLBACK = "fallback";
    public static final String UNHELPFUL = "unhelpful";
    public static final String NO_ENTRY = "no_entry";

    public UnansweredQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        top = List.copyOf(top);
    }

    public static UnansweredQuestion of(String text, Interpretation meaning) {
        return new UnansweredQuestion(text, meaning.decision().id(), meaning.top());
    }

    /** The same question without what the user typed, for chats that did not agree to storage. */
    public UnansweredQuestion withoutText() {
        return new UnansweredQuestion("", reason, top);
    }
}
