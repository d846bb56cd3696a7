package id.klinikumkm.bot.conversation;

import java.util.Objects;

/**
 * A message the bot could not answer with confidence (it asked back or fell back), kept for admins to review
 * so that answers and training data can be improved.
 *
 * @param text what the user typed (personal data: erased with the chat)
 */
public record UnansweredQuestion(String text, Interpretation interpretation) {
    public UnansweredQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(interpretation, "interpretation");
    }

    /** The same question without what the user typed, for chats that did not agree to storage. */
    public UnansweredQuestion withoutText() {
        return new UnansweredQuestion("", interpretation);
    }
}
