package id.klinikumkm.bot.conversation;

/**
 * What staff or the service does in a chat (a consultant claims a case, replies, resolves it): run by
 * {@link ConversationEngine#act} under the chat's lock and in one transaction with the state and the messages
 * it sends, exactly like a user's message, so the transcript and the outbox stay the one path to the user.
 *
 * @param <T> what the action reports back to its caller (who won a claim, for example)
 */
@FunctionalInterface
public interface SystemAction<T> {
    Acted<T> apply(TurnContext turn, ConversationState state);

    /** The action's result and what it does to the chat. */
    record Acted<T>(T result, Outcome outcome) {}
}
