package id.klinikumkm.bot.conversation;

import java.util.List;

/**
 * The channel-agnostic core: takes one user message and returns the bot's answers.
 *
 * <p>Every turn runs inside {@link ConversationStore#inChat}, so the state read, the transcript written
 * and the answers numbered belong to one transaction on one locked chat. Thread-safe.
 */
public final class ConversationEngine {
    /** Stands in the transcript for a typed message of a user who did not agree to storage. */
    public static final String NOT_STORED = "[tidak disimpan: belum ada persetujuan]";

    private final ConversationStore store;
    private final Dialogue dialogue;

    /**
     * @param classifier understands free text; see {@link IntentClassifier}
     */
    public ConversationEngine(ConversationStore store, BotTexts texts, IntentClassifier classifier) {
        this.store = store;
        this.dialogue = new Dialogue(texts, classifier);
    }

    /** An engine that understands no free text: every typed question gets the menu (for channel tests). */
    public ConversationEngine(ConversationStore store, BotTexts texts) {
        this(store, texts, IntentClassifier.NONE);
    }

    public List<OutboundMessage> handle(InboundMessage message) {
        Input input = clean(message.input());
        Sender sender = new Sender(message.sender().userId(), TextCleaner.clean(message.sender().displayName()));
        return store.inChat(message.chat(), session -> {
            if (message.updateId().isPresent() && !session.markUpdateHandled(message.updateId().getAsLong())) {
                return List.of();
            }
            Turn turn = dialogue.respond(session.state(), input, session.hasConsent());
            if (turn.eraseData()) {
                session.eraseAll();
            } else {
                turn.consent().ifPresent(session::setConsent);
                boolean keep = session.hasConsent();
                session.recordInbound(keep ? sender : Sender.anonymous(sender.userId()), keep ? input : withoutPersonalData(input));
                turn.unanswered().ifPresent(q -> session.recordUnanswered(keep ? q : q.withoutText()));
            }
            session.saveState(turn.next());
            return session.recordOutbound(turn.replies());
        });
    }

    /** Typed text may hold names, phone numbers, stories: without consent only commands and buttons are kept. */
    private static Input withoutPersonalData(Input input) {
        if (input instanceof Input.Text text && !text.text().startsWith("/")) {
            return new Input.Text(NOT_STORED);
        }
        return input;
    }

    private static Input clean(Input input) {
        if (input instanceof Input.Text text) {
            return new Input.Text(TextCleaner.clean(text.text()));
        }
        if (input instanceof Input.ButtonPress press) {
            return new Input.ButtonPress(TextCleaner.clean(press.payload()));
        }
        return input;
    }

    /** Messages for a chat newer than {@code afterId}, for clients that fetch rather than get pushed to. */
    public List<OutboundMessage> messagesAfter(ChatKey chat, long afterId, int limit) {
        return store.outboundAfter(chat, afterId, limit);
    }

    /** The last {@code limit} messages of a chat in both directions, oldest first, to show a conversation again. */
    public List<TranscriptEntry> history(ChatKey chat, int limit) {
        return store.history(chat, limit);
    }
}
