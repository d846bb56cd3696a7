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

    /** The bot's and consultants' messages to a chat with an id above {@code afterId}, oldest first. */
    List<OutboundMessage> outboundAfter(ChatKey chat, long afterId, int limit);

    /** The last {@code limit} messages of a chat in both directions, oldest first. */
    List<TranscriptEntry> history(ChatKey chat, int limit);
}
