package id.klinikumkm.bot.conversation;

import java.util.List;

/**
 * The channel-agnostic core: takes one user message and returns the bot's answers.
 *
 * <p>Every turn runs inside {@link ConversationStore#inChat}, so the state read, the transcript written
 * and the answers numbered belong to one transaction on one locked chat. Thread-safe.
 */
public final class ConversationEngine {
    private final ConversationStore store;
    private final Dialogue dialogue;

    public ConversationEngine(ConversationStore store, BotTexts texts) {
        this.store = store;
        this.dialogue = new Dialogue(texts);
    }

    public List<OutboundMessage> handle(InboundMessage message) {
        Input input = clean(message.input());
        Sender sender = new Sender(message.sender().userId(), TextCleaner.clean(message.sender().displayName()));
        return store.inChat(message.chat(), session -> {
            Turn turn = dialogue.respond(session.state(), input);
            if (turn.eraseData()) {
                session.eraseAll();
            } else {
                session.recordInbound(sender, input);
            }
            session.saveState(turn.next());
            return session.recordOutbound(turn.replies());
        });
    }

    private static Input clean(Input input) {
        if (input instanceof Input.Text text) {
            return new Input.Text(TextCleaner.clean(text.text()));
        }
        return new Input.ButtonPress(TextCleaner.clean(((Input.ButtonPress) input).payload()));
    }

    /** Messages for a chat newer than {@code afterId}, for clients that fetch rather than get pushed to. */
    public List<OutboundMessage> messagesAfter(ChatKey chat, long afterId, int limit) {
        return store.outboundAfter(chat, afterId, limit);
    }
}
