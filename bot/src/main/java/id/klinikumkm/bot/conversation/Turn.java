package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one user message: what to say, where the chat goes next, whether to erase its data first,
 * the question to keep for admins when the bot was not sure what the user meant, and a consent answer.
 */
record Turn(List<Reply> replies, ConversationState next, boolean eraseData, Optional<UnansweredQuestion> unanswered,
            Optional<Boolean> consent) {
    Turn {
        replies = List.copyOf(replies);
        Objects.requireNonNull(unanswered, "unanswered");
        Objects.requireNonNull(consent, "consent");
    }

    Turn(List<Reply> replies, ConversationState next, boolean eraseData) {
        this(replies, next, eraseData, Optional.empty(), Optional.empty());
    }

    static Turn say(ConversationState next, Reply... replies) {
        return new Turn(List.of(replies), next, false);
    }

    /** This turn, also keeping {@code question} as unanswered. */
    Turn keepingUnanswered(UnansweredQuestion question) {
        return new Turn(replies, next, eraseData, Optional.of(question), consent);
    }

    /** This turn, also recording the user's answer to the data-storage question. */
    Turn recordingConsent(boolean given) {
        return new Turn(replies, next, eraseData, unanswered, Optional.of(given));
    }
}
