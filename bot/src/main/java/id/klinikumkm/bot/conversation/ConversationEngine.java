package id.klinikumkm.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The channel-agnostic core: takes one user message and returns the bot's answers. Each input is routed in
 * this order: global commands; the chat's active {@link Flow}, which gets every input until it ends; then
 * buttons to their {@link ButtonHandler} and typed text to the classifier and the {@link TopicAnswers};
 * otherwise the menu.
 *
 * <p>Every turn runs inside {@link ConversationStore#inChat}, so the state read, the transcript written and
 * the answers numbered belong to one transaction on one locked chat. Thread-safe.
 */
public final class ConversationEngine {
    /** Stands in the transcript for a typed message of a user who did not agree to storage. */
    public static final String NOT_STORED = "[tidak disimpan: belum ada persetujuan]";
    /** The main menu, and the consultant offer. */
    public static final String MENU = Payload.of("menu", "main");
    public static final String CONSULTANT = Payload.of("consult", "start");
    /** Prefix of the buttons offered by "Maksud Bapak/Ibu ...?": {@code intent:show:legal.nib.cost}. */
    static final String INTENT = "intent";
    /** Topics offered when asking back: at most this many, each at least this probable. */
    private static final int CLARIFY_OPTIONS = 3;
    private static final double CLARIFY_MIN_PROBABILITY = 0.1;

    private final ConversationStore store;
    private final BotTexts texts;
    private final IntentClassifier classifier;
    private final TopicAnswers topics;
    private final List<Button> topicMenu;
    private final Map<String, Flow> flows;
    private final Map<String, ButtonHandler> handlers;
    private final ResumeFlow resume;
    private final String handoff;
    private final StatusReport status;
    private final Map<String, CommandHandler> commands;
    private final Clock clock;

    ConversationEngine(EngineBuilder builder) {
        this.store = builder.store;
        this.texts = builder.texts;
        this.classifier = builder.classifier;
        this.topics = builder.topics;
        this.topicMenu = List.copyOf(builder.topicMenu);
        this.clock = builder.clock;
        this.handoff = builder.handoff;
        this.commands = Map.copyOf(builder.commands);
        this.status = builder.status != null ? builder.status
                : turn -> Outcome.then(turn.state(), withMenu(texts.get("status.none")));
        Map<String, Flow> allFlows = new HashMap<>();
        Map<String, ButtonHandler> allHandlers = new HashMap<>();
        ConsentFlow consent = new ConsentFlow();
        this.resume = new ResumeFlow(id -> Optional.ofNullable(allFlows.get(id)));
        List<Flow> flowList = new ArrayList<>(List.of(consent, new DeleteFlow(), resume));
        flowList.addAll(builder.flows);
        List<ButtonHandler> handlerList = new ArrayList<>(List.of(consent));
        handlerList.addAll(builder.handlers);
        for (Flow flow : flowList) {
            if (allFlows.put(flow.id(), flow) != null) {
                throw new IllegalArgumentException("two flows with id " + flow.id());
            }
        }
        for (ButtonHandler handler : handlerList) {
            if (allHandlers.put(handler.prefix(), handler) != null || List.of("menu", "consult", INTENT).contains(handler.prefix())) {
                throw new IllegalArgumentException("button prefix taken: " + handler.prefix());
            }
        }
        if (!handoff.isEmpty() && !allFlows.containsKey(handoff)) {
            throw new IllegalArgumentException("no handoff flow " + handoff);
        }
        this.flows = Map.copyOf(allFlows);
        this.handlers = Map.copyOf(allHandlers);
    }

    /** An engine that understands no free text and answers no topic (for channel tests). */
    public ConversationEngine(ConversationStore store, BotTexts texts) {
        this(builder(store, texts));
    }

    public static EngineBuilder builder(ConversationStore store, BotTexts texts) {
        return new EngineBuilder(store, texts);
    }

    public List<OutboundMessage> handle(InboundMessage message) {
        Input input = clean(message.input());
        Sender sender = new Sender(message.sender().userId(), TextCleaner.clean(message.sender().displayName()));
        List<Runnable> afterCommit = new ArrayList<>();
        Function<ChatSession, List<OutboundMessage>> work = session -> {
            TurnContext turn = new TurnContext(this, session, message.chat(), clock.instant(), input);
            Outcome outcome = route(turn, session.state(), input);
            apply(session, outcome, sender, input, afterCommit);
            session.saveState(outcome.next());
            return session.recordOutbound(outcome.replies());
        };
        List<OutboundMessage> replies = message.updateId().isPresent()
                ? store.inChatOnce(message.chat(), message.updateId().getAsLong(), work, List.of())
                : store.inChat(message.chat(), work);
        afterCommit.forEach(Runnable::run);
        return replies;
    }

    /**
     * Runs a staff or service action in {@code chat} like a turn without a user message: same lock, same
     * transaction, its replies recorded (and queued for push channels) with the state it leaves.
     */
    public <T> T act(ChatKey chat, SystemAction<T> action) {
        List<Runnable> afterCommit = new ArrayList<>();
        T result = store.inChat(chat, session -> {
            TurnContext turn = new TurnContext(this, session, chat, clock.instant(), null);
            SystemAction.Acted<T> acted = action.apply(turn, session.state());
            for (Effect effect : acted.outcome().effects()) {
                if (effect instanceof Effect.AfterCommit after) {
                    afterCommit.add(after.action());
                } else {
                    throw new IllegalArgumentException("a system action cannot " + effect);
                }
            }
            session.saveState(acted.outcome().next());
            session.recordOutbound(acted.outcome().replies());
            return acted.result();
        });
        afterCommit.forEach(Runnable::run);
        return result;
    }

    private static void apply(ChatSession session, Outcome outcome, Sender sender, Input input, List<Runnable> afterCommit) {
        if (outcome.effects().stream().anyMatch(Effect.EraseChat.class::isInstance)) {
            session.eraseAll();
            return;
        }
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.SetConsent consent) {
                session.setConsent(consent.given());
            }
        }
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.ForgetTranscriptAfter forget) {
                session.forgetTranscriptAfter(forget.mark());
            }
        }
        boolean keep = session.hasConsent();
        session.recordInbound(keep ? sender : Sender.anonymous(sender.userId()), keep ? input : withoutPersonalData(input));
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.KeepUnanswered unanswered) {
                session.recordUnanswered(keep ? unanswered.question() : unanswered.question().withoutText());
            } else if (effect instanceof Effect.AfterCommit after) {
                afterCommit.add(after.action());
            }
        }
    }

    private Outcome route(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.Text text && text.text().strip().startsWith("/")) {
            String name = commandName(text.text().strip());
            CommandHandler feature = commands.get(name);
            return feature != null ? feature.handle(turn, state, commandArguments(text.text().strip()))
                    : command(turn, state, name);
        }
        if (state.inFlow()) {
            Flow flow = flows.get(state.flow());
            if (flow != null) {
                boolean expired = !flow.id().equals(ResumeFlow.ID)
                        && Duration.between(state.enteredAt(), turn.now()).compareTo(flow.resumeWindow()) > 0;
                return expired ? resume.suspend(turn, state) : flow.onInput(turn, state, input);
            }
            // A flow of another release: forget it and handle the input as a fresh one.
        }
        return idleInput(turn, input);
    }

    private Outcome command(TurnContext turn, ConversationState state, String command) {
        return switch (command) {
            case "start" -> turn.consented()
                    ? Outcome.idle(withMenu(texts.get("welcome")))
                    : Outcome.idle(Reply.of(texts.get("welcome"))).followedBy(startFlow(turn, ConsentFlow.ID));
            case "menu" -> Outcome.idle(withMenu(texts.get("menu.prompt")));
            case "help", "bantuan" -> Outcome.then(state, Reply.of(texts.get("help")), withMenu(texts.get("menu.prompt")));
            case "batal", "cancel" -> cancel(turn, state);
            case "hapus", "delete" -> startFlow(turn, DeleteFlow.ID);
            case "privasi", "privacy" -> startFlow(turn, ConsentFlow.ID);
            case "konsultasi" -> consultant(turn);
            case "status" -> staying(state, status.report(turn));
            default -> Outcome.then(state, withMenu(texts.get("command.unknown")));
        };
    }

    /** An outcome that leaves the chat where it was (a command in the middle of a flow). */
    private static Outcome staying(ConversationState state, Outcome outcome) {
        return new Outcome(outcome.replies(), state, outcome.effects());
    }

    private Outcome cancel(TurnContext turn, ConversationState state) {
        Flow flow = flows.get(state.flow());
        return flow == null ? Outcome.idle(withMenu(texts.get("cancel.nothing"))) : flow.cancel(turn, state);
    }

    Outcome idleInput(TurnContext turn, Input input) {
        if (input instanceof Input.ButtonPress press) {
            return button(turn, press.payload());
        }
        if (input instanceof Input.Attachment) {
            return Outcome.idle(withMenu(texts.get("attachment")));
        }
        if (input instanceof Input.Contact) {
            return Outcome.idle(withMenu(texts.get("contact.unexpected")));
        }
        return freeText(turn, ((Input.Text) input).text().strip());
    }

    private Outcome button(TurnContext turn, String text) {
        Optional<Payload> parsed = Payload.parse(text);
        if (parsed.isEmpty()) {
            return stale();
        }
        Payload payload = parsed.get();
        if (MENU.equals(text)) {
            return Outcome.idle(withMenu(texts.get("menu.prompt")));
        }
        if (CONSULTANT.equals(text)) {
            return consultant(turn);
        }
        if (INTENT.equals(payload.prefix())) {
            return payload.arg(0).filter(Intents::isTopic).map(key -> answerTopic(turn, key)).orElseGet(this::stale);
        }
        ButtonHandler handler = handlers.get(payload.prefix());
        return handler == null ? stale() : handler.onButton(turn, payload);
    }

    /** A typed question: answer it, ask which topic was meant, or fall back to the menu and a consultant. */
    private Outcome freeText(TurnContext turn, String text) {
        Interpretation meaning = classifier.interpret(text);
        String top = meaning.topIntent();
        return switch (meaning.decision()) {
            case ANSWER -> answerTopic(turn, top);
            case CLARIFY -> top.startsWith("smalltalk.") ? answerTopic(turn, top) : clarify(text, meaning);
            case FALLBACK -> fallback(text, meaning);
        };
    }

    Outcome answerTopic(TurnContext turn, String key) {
        return switch (key) {
            case Intents.GREETING -> Outcome.idle(withMenu(texts.get("smalltalk.greeting")));
            case Intents.THANKS -> Outcome.idle(Reply.of(texts.get("smalltalk.thanks"), menuButton()));
            case Intents.HANDOFF -> consultant(turn);
            case Intents.CASE_STATUS -> status.report(turn);
            default -> topics.answer(turn, key).orElseGet(() -> Outcome.idle(
                    Reply.of(texts.get("answer.missing"), consultantButton(), menuButton()))
                    .with(new Effect.KeepUnanswered(new UnansweredQuestion(turn.lastTypedText().orElse(""),
                            UnansweredQuestion.NO_ENTRY, List.of(new Interpretation.IntentScore(key, 1))))));
        };
    }

    private Outcome clarify(String text, Interpretation meaning) {
        List<Button> options = new ArrayList<>();
        for (Interpretation.IntentScore score : meaning.top()) {
            if (options.size() < CLARIFY_OPTIONS && Intents.isTopic(score.key())
                    && (options.isEmpty() || score.probability() >= CLARIFY_MIN_PROBABILITY)) {
                topics.title(score.key()).ifPresent(title ->
                        options.add(new Button(title, Payload.of(INTENT, "show", score.key()))));
            }
        }
        if (options.isEmpty()) {
            return fallback(text, meaning);
        }
        String titles = options.stream().map(Button::label).collect(Collectors.joining(" atau "));
        List<Button> buttons = new ArrayList<>(options);
        buttons.add(new Button(texts.get("button.none.of.these"), MENU));
        return Outcome.idle(new Reply(texts.get("clarify").replace("{0}", titles), buttons))
                .with(new Effect.KeepUnanswered(UnansweredQuestion.of(text, meaning)));
    }

    private Outcome fallback(String text, Interpretation meaning) {
        return Outcome.idle(withMenu(texts.get("fallback"))).with(new Effect.KeepUnanswered(UnansweredQuestion.of(text, meaning)));
    }

    /** Starts flow {@code id}; a flow already under way, or waiting in the resume question, is picked up instead. */
    Outcome startFlow(TurnContext turn, String id) {
        Flow flow = flows.get(id);
        if (flow == null) {
            throw new IllegalArgumentException("no flow " + id);
        }
        ConversationState state = turn.state();
        if (state.flow().equals(id)) {
            return flow.repeat(turn, state);
        }
        if (resume.isSuspended(state, id)) {
            return resume.repeat(turn, state);
        }
        return flow.start(turn);
    }

    Interpretation interpret(String text) {
        return classifier.interpret(text);
    }

    /** The way to a consultant: the handoff flow (the intake) when there is one, else how to reach the clinic. */
    Outcome consultant(TurnContext turn) {
        return handoff.isEmpty() ? Outcome.idle(withMenu(texts.get("consultant.offer"))) : startFlow(turn, handoff);
    }

    Outcome stale() {
        return Outcome.idle(withMenu(texts.get("stale.button")));
    }

    Reply withMenu(String text) {
        List<Button> buttons = new ArrayList<>(topicMenu);
        buttons.add(consultantButton());
        return new Reply(text, buttons);
    }

    Button menuButton() {
        return new Button(texts.get("button.menu"), MENU);
    }

    Button consultantButton() {
        return new Button(texts.get("button.consultant"), CONSULTANT);
    }

    BotTexts texts() {
        return texts;
    }

    /** Typed text may hold names, phone numbers, stories: without consent only commands and buttons are kept. */
    private static Input withoutPersonalData(Input input) {
        if (input instanceof Input.Text text && !text.text().startsWith("/") || input instanceof Input.Contact) {
            return new Input.Text(NOT_STORED);
        }
        if (input instanceof Input.Attachment attachment) {
            return new Input.Attachment(attachment.kind());
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
        if (input instanceof Input.Contact contact) {
            return new Input.Contact(TextCleaner.clean(contact.phoneNumber()), contact.own());
        }
        return input;
    }

    /** "/hubungkan ABCD-1234" -> "ABCD-1234". */
    private static String commandArguments(String text) {
        String[] parts = text.split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }

    /** "/Start@KlinikBot deep-link" -> "start". */
    private static String commandName(String text) {
        String first = text.substring(1).split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
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
