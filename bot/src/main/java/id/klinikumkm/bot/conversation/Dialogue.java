package id.klinikumkm.bot.conversation;

import id.klinikumkm.bot.conversation.ConversationState.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Decides the answer to one input from the current state. Pure: no I/O, so it is tested without a database. */
final class Dialogue {
    static final String MENU = "menu";
    static final String TOPIC_LEGAL = "topic:legal";
    static final String TOPIC_PACKAGING = "topic:packaging";
    static final String TOPIC_HALAL = "topic:halal";
    static final String TOPIC_CONSULTANT = "topic:consultant";
    static final String DELETE_YES = "privacy:delete:yes";
    static final String DELETE_NO = "privacy:delete:no";
    static final String CONSENT_YES = "privacy:consent:yes";
    static final String CONSENT_NO = "privacy:consent:no";
    /** Prefix of the buttons offered by "Maksud Anda ...?": {@code intent:legal.nib.cost}. */
    static final String INTENT_PREFIX = "intent:";
    /** Topics offered when asking back: at most this many, each at least this probable. */
    private static final int CLARIFY_OPTIONS = 3;
    private static final double CLARIFY_MIN_PROBABILITY = 0.1;

    private final BotTexts texts;
    private final IntentClassifier classifier;

    Dialogue(BotTexts texts, IntentClassifier classifier) {
        this.texts = texts;
        this.classifier = classifier;
    }

    /**
     * @param consented whether the chat already agreed to storage; /start asks only when it has not
     */
    Turn respond(ConversationState state, Input input, boolean consented) {
        if (input instanceof Input.Text text && commandName(text.text().strip()).equals("start")) {
            Reply welcome = withMenu(texts.get("welcome"));
            return consented
                    ? Turn.say(ConversationState.at(Step.MAIN_MENU), welcome)
                    : Turn.say(ConversationState.at(Step.MAIN_MENU), welcome, consentQuestion());
        }
        return respond(state, input);
    }

    private Turn respond(ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press) {
            return onButton(Step.of(state.step()), press.payload());
        }
        if (input instanceof Input.Attachment) {
            return Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("attachment")));
        }
        String text = ((Input.Text) input).text().strip();
        if (text.startsWith("/")) {
            return onCommand(commandName(text));
        }
        return onFreeText(text);
    }

    /** A typed question: answer it, ask which topic was meant, or fall back to the menu and a consultant. */
    private Turn onFreeText(String text) {
        Interpretation meaning = classifier.interpret(text);
        String top = meaning.topIntent();
        return switch (meaning.decision()) {
            case ANSWER -> answer(top);
            case CLARIFY -> top.startsWith("smalltalk.") ? answer(top) : clarify(text, meaning);
            case FALLBACK -> fallback(text, meaning);
        };
    }

    private Turn answer(String intent) {
        return switch (intent) {
            case Intents.GREETING -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("smalltalk.greeting")));
            case Intents.THANKS -> Turn.say(ConversationState.at(Step.MAIN_MENU), Reply.of(texts.get("smalltalk.thanks"), menuButton()));
            case Intents.HANDOFF -> consultant();
            case Intents.CASE_STATUS -> onCommand("status");
            default -> Turn.say(ConversationState.at(Step.TOPIC), Reply.of(
                    texts.get("intent.answer.placeholder").replace("{0}", title(intent)),
                    new Button(texts.get("button.consultant"), TOPIC_CONSULTANT), menuButton()));
        };
    }

    private Turn clarify(String text, Interpretation meaning) {
        List<Button> options = new ArrayList<>();
        for (Interpretation.IntentScore score : meaning.top()) {
            if (options.size() < CLARIFY_OPTIONS && Intents.isTopic(score.key())
                    && (options.isEmpty() || score.probability() >= CLARIFY_MIN_PROBABILITY)) {
                options.add(new Button(title(score.key()), INTENT_PREFIX + score.key()));
            }
        }
        if (options.isEmpty()) {
            return fallback(text, meaning);
        }
        String titles = options.stream().map(Button::label).collect(Collectors.joining(" atau "));
        List<Button> buttons = new ArrayList<>(options);
        buttons.add(new Button(texts.get("button.none.of.these"), MENU));
        return new Turn(List.of(new Reply(texts.get("clarify").replace("{0}", titles), buttons)),
                ConversationState.at(Step.MAIN_MENU), false).keepingUnanswered(new UnansweredQuestion(text, meaning));
    }

    private Turn fallback(String text, Interpretation meaning) {
        return Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("fallback")))
                .keepingUnanswered(new UnansweredQuestion(text, meaning));
    }

    private String title(String intent) {
        return texts.get("intent.title." + intent);
    }

    private Reply consentQuestion() {
        return Reply.of(texts.get("consent.ask"),
                new Button(texts.get("consent.yes"), CONSENT_YES),
                new Button(texts.get("consent.no"), CONSENT_NO));
    }

    private Turn onCommand(String command) {
        return switch (command) {
            case "privasi", "privacy" -> Turn.say(ConversationState.at(Step.MAIN_MENU), consentQuestion());
            case "help", "bantuan" -> Turn.say(ConversationState.at(Step.MAIN_MENU),
                    Reply.of(texts.get("help")), withMenu(texts.get("menu.prompt")));
            case "hapus", "delete" -> Turn.say(ConversationState.at(Step.CONFIRM_DELETE), Reply.of(
                    texts.get("delete.confirm"),
                    new Button(texts.get("delete.yes"), DELETE_YES),
                    new Button(texts.get("delete.no"), DELETE_NO)));
            case "batal", "cancel" -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("cancelled")));
            case "konsultasi" -> consultant();
            case "status" -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("status.none")));
            default -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("menu.prompt")));
        };
    }

    private Turn onButton(Step step, String payload) {
        return switch (payload) {
            case MENU -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("menu.prompt")));
            case TOPIC_LEGAL -> topic("topic.legal");
            case TOPIC_PACKAGING -> topic("topic.packaging");
            case TOPIC_HALAL -> topic("topic.halal");
            case TOPIC_CONSULTANT -> consultant();
            case CONSENT_YES -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("consent.given")))
                    .recordingConsent(true);
            case CONSENT_NO -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("consent.refused")))
                    .recordingConsent(false);
            case DELETE_YES -> step == Step.CONFIRM_DELETE
                    ? new Turn(List.of(Reply.of(texts.get("delete.done"))), ConversationState.start(), true)
                    : stale();
            case DELETE_NO -> step == Step.CONFIRM_DELETE
                    ? Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("delete.cancelled")))
                    : stale();
            default -> payload.startsWith(INTENT_PREFIX) && Intents.isTopic(payload.substring(INTENT_PREFIX.length()))
                    ? answer(payload.substring(INTENT_PREFIX.length()))
                    : stale();
        };
    }

    private Turn topic(String key) {
        return Turn.say(ConversationState.at(Step.TOPIC), Reply.of(
                texts.get(key), new Button(texts.get("button.consultant"), TOPIC_CONSULTANT), menuButton()));
    }

    private Turn consultant() {
        return Turn.say(ConversationState.at(Step.TOPIC), Reply.of(texts.get("topic.consultant"), menuButton()));
    }

    private Turn stale() {
        return Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("stale.button")));
    }

    private Reply withMenu(String text) {
        return Reply.of(text,
                new Button(texts.get("button.legal"), TOPIC_LEGAL),
                new Button(texts.get("button.packaging"), TOPIC_PACKAGING),
                new Button(texts.get("button.halal"), TOPIC_HALAL),
                new Button(texts.get("button.consultant"), TOPIC_CONSULTANT));
    }

    private Button menuButton() {
        return new Button(texts.get("button.menu"), MENU);
    }

    /** "/Start@KlinikBot deep-link" -> "start"; "" for text that is not a command. */
    private static String commandName(String text) {
        if (!text.startsWith("/")) {
            return "";
        }
        String first = text.substring(1).split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }
}
