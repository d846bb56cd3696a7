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

    /** Deletes everything stored about this chat: transcript, state and profile (UU PDP right to erasure). */
    void eraseAll();
}
