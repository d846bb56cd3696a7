package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.function.Function;

/**
 * Durable conversation state and transcript.
 *
 * <p>Implementations run {@code work} with the chat locked exclusively (across instances) and commit
 * everything it recorded at once, so messages of one chat are handled strictly one after another and a
 * crash leaves either all of a turn or none of it.
 */
public interface ConversationStore {
    <T> T inChat(ChatKey chat, Function<ChatSession, T> work);

    /**
     * Like {@link #inChat}, for a channel delivery: the update is marked handled in the turn's transaction, and
     * {@code work} runs only when it was not handled before; a repeated delivery gets {@code repeated}.
     */
    default <T> T inChatOnce(ChatKey chat, long updateId, Function<ChatSession, T> work, T repeated) {
        return inChat(chat, session -> session.markUpdateHandled(updateId) ? work.apply(session) : repeated);
    }

    /** The bot's and consultants' messages to a chat numbered above {@code afterId} (its own numbering), oldest first. */
    List<OutboundMessage> outboundAfter(ChatKey chat, long afterId, int limit);

    /** The last {@code limit} messages of a chat in both directions, oldest first. */
    List<TranscriptEntry> history(ChatKey chat, int limit);
}
