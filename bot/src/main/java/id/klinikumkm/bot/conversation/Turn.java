package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one user message: what to say, where the chat goes next, whether to erase its data first, and
 * the question to keep for admins when the bot was not sure what the user meant.
 */
record Turn(List<Reply> replies, ConversationState next, boolean eraseData, Optional<UnansweredQuestion> unanswered) {
    Turn {
        replies = List.copyOf(replies);
        Objects.requireNonNull(unanswered, "unanswered");
    }

    Turn(List<Reply> replies, ConversationState next, boolean eraseData) {
        this(replies, next, eraseData, Optional.empty());
    }

    static Turn say(ConversationState next, Reply... replies) {
        return new Turn(List.of(replies), next, false);
    }

    /** This turn, also keeping {@code question} as unanswered. */
    Turn keepingUnanswered(UnansweredQuestion question) {
        return new Turn(replies, next, eraseData, Optional.of(question));
    }
}
