package id.klinikumkm.bot.conversation;

import java.util.List;

/** One locked chat during one turn; valid only inside {@link ConversationStore#inChat}. */
public interface ChatSession {
    ConversationState state();

    /** Whether the user agreed to have their messages and name stored (UU PDP 27/2022). */
    boolean hasConsent();

    /** Records the user's answer to the storage question; withdrawing stops storing from now on. */
    void setConsent(boolean given);

    /**
     * Marks a channel delivery as handled in this turn's transaction.
     *
     * @return false if it was handled before, in which case the turn must not answer again
     */
    boolean markUpdateHandled(long updateId);

    void saveState(ConversationState state);

    /** Adds the user's message to the transcript. */
    void recordInbound(Sender sender, Input input);

    /** Adds the bot's replies to the transcript and returns them numbered. */
    List<OutboundMessage> recordOutbound(List<Reply> replies);

    /** Keeps a question the bot could not answer with confidence, for admins to review. */
    void recordUnanswered(UnansweredQuestion question);

    /** The user's last typed message in the transcript that is not a command, if any was stored. */
    java.util.Optional<String> lastTypedText();

    /** A position in the chat's transcript: what is recorded later lies after it. */
    long transcriptMark();

    /** Deletes the chat's messages recorded after {@code mark} (both directions). */
    void forgetTranscriptAfter(long mark);

    /**
     * A feature's repository bound to this turn's transaction, so that what it writes commits or rolls back
     * with the turn (for example the case an intake opens).
     */
    <T> T repository(Class<T> type);

    /** Deletes everything stored about this chat: transcript, state and profile (UU PDP right to erasure). */
    void eraseAll();
}
