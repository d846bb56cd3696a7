package id.klinikumkm.bot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a flow or button handler may use while handling one input: the bot's texts, the chat, the time, and
 * the engine's common answers (menu, stale button, free-text questions). Valid only during its turn.
 */
public final class TurnContext {
    private final ConversationEngine engine;
    private final ChatSession session;
    private final ChatKey chat;
    private final Instant now;
    private final Input input;

    TurnContext(ConversationEngine engine, ChatSession session, ChatKey chat, Instant now, Input input) {
        this.engine = engine;
        this.session = session;
        this.chat = chat;
        this.now = now;
        this.input = input;
    }

    public BotTexts texts() {
        return engine.texts();
    }

    public String text(String key) {
        return engine.texts().get(key);
    }

    public ChatKey chat() {
        return chat;
    }

    public Instant now() {
        return now;
    }

    public boolean consented() {
        return session.hasConsent();
    }

    /** The user's last typed message before this one (not a command), if it was stored (consent). */
    public Optional<String> lastTypedText() {
        return session.lastTypedText().filter(text -> !ConversationEngine.NOT_STORED.equals(text));
    }

    /** Where the transcript stands now; see {@link Effect.ForgetTranscriptAfter}. */
    public long transcriptMark() {
        return session.transcriptMark();
    }

    /** A feature's repository in this turn's transaction (see {@link ChatSession#repository}). */
    public <T> T repository(Class<T> type) {
        return session.repository(type);
    }

    ConversationState state() {
        return session.state();
    }

    /** This turn's message if it is typed text that is not a command ("mau konsultasi soal halal"). */
    public Optional<String> typedText() {
        return input instanceof Input.Text text && !text.text().strip().startsWith("/")
                ? Optional.of(text.text()) : Optional.empty();
    }

    /** {@code text} with the main menu's buttons. */
    public Reply withMenu(String text) {
        return engine.withMenu(text);
    }

    public Button menuButton() {
        return engine.menuButton();
    }

    public Button consultantButton() {
        return engine.consultantButton();
    }

    /** {@code text} with the given buttons, then the consultant and menu buttons. */
    public Reply withExits(String text, List<Button> buttons) {
        List<Button> all = new ArrayList<>(buttons);
        all.add(consultantButton());
        all.add(menuButton());
        return new Reply(text, all);
    }

    /** The friendly answer to a button that is no longer valid (or never was). */
    public Outcome stale() {
        return engine.stale();
    }

    /** Starts flow {@code id} (a registered one). */
    public Outcome startFlow(String id) {
        return engine.startFlow(this, id);
    }

    /** Handles {@code input} as if no flow were active: a flow uses it to let go of input that is not its own. */
    public Outcome asIfIdle(Input input) {
        return engine.idleInput(this, input);
    }

    /** What the classifier makes of {@code text}, without answering. */
    public Interpretation interpret(String text) {
        return engine.interpret(text);
    }

    /** Answers topic {@code key} (FAQ, small talk, consultant); never blank. */
    public Outcome answer(String key) {
        return engine.answerTopic(this, key);
    }
}
