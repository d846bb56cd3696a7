package id.klinikumkm.bot.conversation;

import id.klinikumkm.bot.conversation.ConversationState.Step;
import java.util.Locale;

/** Decides the answer to one input from the current state. Pure: no I/O, so it is tested without a database. */
final class Dialogue {
    static final String MENU = "menu";
    static final String TOPIC_LEGAL = "topic:legal";
    static final String TOPIC_PACKAGING = "topic:packaging";
    static final String TOPIC_HALAL = "topic:halal";
    static final String TOPIC_CONSULTANT = "topic:consultant";
    static final String DELETE_YES = "privacy:delete:yes";
    static final String DELETE_NO = "privacy:delete:no";

    private final BotTexts texts;

    Dialogue(BotTexts texts) {
        this.texts = texts;
    }

    Turn respond(ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press) {
            return onButton(Step.of(state.step()), press.payload());
        }
        String text = ((Input.Text) input).text().strip();
        if (text.startsWith("/")) {
            return onCommand(commandName(text));
        }
        return Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("free.text")));
    }

    private Turn onCommand(String command) {
        return switch (command) {
            case "start" -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("welcome")));
            case "help", "bantuan" -> Turn.say(ConversationState.at(Step.MAIN_MENU),
                    Reply.of(texts.get("help")), withMenu(texts.get("menu.prompt")));
            case "hapus", "delete" -> Turn.say(ConversationState.at(Step.CONFIRM_DELETE), Reply.of(
                    texts.get("delete.confirm"),
                    new Button(texts.get("delete.yes"), DELETE_YES),
                    new Button(texts.get("delete.no"), DELETE_NO)));
            case "batal", "cancel" -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("cancelled")));
            default -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("menu.prompt")));
        };
    }

    private Turn onButton(Step step, String payload) {
        return switch (payload) {
            case MENU -> Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("menu.prompt")));
            case TOPIC_LEGAL -> topic("topic.legal");
            case TOPIC_PACKAGING -> topic("topic.packaging");
            case TOPIC_HALAL -> topic("topic.halal");
            case TOPIC_CONSULTANT -> Turn.say(ConversationState.at(Step.TOPIC),
                    Reply.of(texts.get("topic.consultant"), menuButton()));
            case DELETE_YES -> step == Step.CONFIRM_DELETE
                    ? new Turn(java.util.List.of(Reply.of(texts.get("delete.done"))), ConversationState.start(), true)
                    : stale();
            case DELETE_NO -> step == Step.CONFIRM_DELETE
                    ? Turn.say(ConversationState.at(Step.MAIN_MENU), withMenu(texts.get("delete.cancelled")))
                    : stale();
            default -> stale();
        };
    }

    private Turn topic(String key) {
        return Turn.say(ConversationState.at(Step.TOPIC), Reply.of(
                texts.get(key), new Button(texts.get("button.consultant"), TOPIC_CONSULTANT), menuButton()));
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

    /** "/Start@KlinikBot deep-link" -> "start". */
    private static String commandName(String text) {
        String first = text.substring(1).split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }
}
