package id.klinikumkm.bot.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The engine's parts: the store and texts, plus what the features contribute. */
public final class EngineBuilder {
    final ConversationStore store;
    final BotTexts texts;
    IntentClassifier classifier = IntentClassifier.NONE;
    TopicAnswers topics = TopicAnswers.NONE;
    final List<Button> topicMenu = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    final List<ButtonHandler> handlers = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    String handoff = "";
    StatusReport status;
    final Map<String, CommandHandler> commands = new HashMap<>();

    EngineBuilder(ConversationStore store, BotTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    public EngineBuilder classifier(IntentClassifier value) {
        this.classifier = value;
        return this;
    }

    /** The answers to topics, and the menu buttons leading to them (the consultant button is added after). */
    public EngineBuilder topics(TopicAnswers value, List<Button> menu) {
        this.topics = value;
        this.topicMenu.addAll(menu);
        return this;
    }

    public EngineBuilder flow(Flow flow) {
        flows.add(flow);
        return this;
    }

    public EngineBuilder buttons(ButtonHandler handler) {
        handlers.add(handler);
        return this;
    }

    /** The flow that takes a user to a consultant ("Konsultasi dengan Petugas", /konsultasi); also registers it. */
    public EngineBuilder handoff(Flow flow) {
        flows.add(flow);
        this.handoff = flow.id();
        return this;
    }

    /** What /status and "status konsultasi saya?" answer. */
    public EngineBuilder status(StatusReport value) {
        this.status = value;
        return this;
    }

    /** A feature's command, {@code /name}; the engine's own commands cannot be replaced. */
    public EngineBuilder command(String name, CommandHandler handler) {
        if (List.of("start", "menu", "help", "bantuan", "batal", "cancel", "hapus", "delete", "privasi", "privacy",
                "konsultasi", "status").contains(name) || commands.put(name, handler) != null) {
            throw new IllegalArgumentException("command taken: " + name);
        }
        return this;
    }

    public EngineBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    public ConversationEngine build() {
        return new ConversationEngine(this);
    }
}
