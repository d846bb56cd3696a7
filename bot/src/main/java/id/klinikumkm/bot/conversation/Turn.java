package id.klinikumkm.bot.conversation;

import java.util.List;

/** The outcome of one user message: what to say, where the chat goes next, and whether to erase its data first. */
record Turn(List<Reply> replies, ConversationState next, boolean eraseData) {
    Turn {
        replies = List.copyOf(replies);
    }

    static Turn say(ConversationState next, Reply... replies) {
        return new Turn(List.of(replies), next, false);
    }
}
