package id.klinikumkm.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks a user who comes back after a flow's resume window whether to continue where they were, start that
 * flow again, or leave it. The suspended flow's state travels in this flow's slots until then.
 */
final class ResumeFlow implements Flow {
    static final String ID = "resume";
    static final String CONTINUE = Payload.of(ID, "continue");
    static final String RESTART = Payload.of(ID, "restart");
    static final String CANCEL = Payload.of(ID, "cancel");
    private static final String ASK = "ask";
    private static final String FLOW = "flow";
    private static final String STEP = "step";
    private static final String SLOT = "s.";

    private final Function<String, Optional<Flow>> flows;

    ResumeFlow(Function<String, Optional<Flow>> flows) {
        this.flows = flows;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Duration resumeWindow() {
        return Duration.ofDays(30);
    }

    /** Whether {@code state} is this question, holding flow {@code flowId}. */
    boolean isSuspended(ConversationState state, String flowId) {
        return state.flow().equals(ID) && state.slot(FLOW).filter(flowId::equals).isPresent();
    }

    /** Suspends {@code state} and asks whether to continue it. */
    Outcome suspend(TurnContext turn, ConversationState state) {
        Map<String, String> slots = new HashMap<>();
        state.slots().forEach((name, value) -> slots.put(SLOT + name, value));
        slots.put(FLOW, state.flow());
        slots.put(STEP, state.step());
        return Outcome.then(new ConversationState(ID, ASK, slots, turn.now()), question(turn, state.flow()));
    }

    @Override
    public Outcome start(TurnContext turn) {
        return Outcome.idle(turn.withMenu(turn.text("menu.prompt")));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        return Outcome.then(state.at(ASK, turn.now()), question(turn, state.slot(FLOW).orElse("")));
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        Optional<Flow> suspended = state.slot(FLOW).flatMap(flows);
        if (suspended.isEmpty()) {
            return Outcome.idle(turn.withMenu(turn.text("menu.prompt")));
        }
        String choice = choice(input);
        return switch (choice) {
            case "continue" -> suspended.get().repeat(turn, restore(state, turn.now()));
            case "restart" -> suspended.get().start(turn);
            case "cancel" -> suspended.get().cancel(turn, restore(state, turn.now()));
            default -> Outcome.then(state, Reply.of(turn.text("resume.hint")), question(turn, suspended.get().id()));
        };
    }

    /** /batal while asked: the suspended flow cancels, forgetting what it collected. */
    @Override
    public Outcome cancel(TurnContext turn, ConversationState state) {
        Optional<Flow> suspended = state.slot(FLOW).flatMap(flows);
        return suspended.isPresent()
                ? suspended.get().cancel(turn, restore(state, turn.now()))
                : Outcome.idle(turn.withMenu(turn.text("cancelled")));
    }

    private static String choice(Input input) {
        if (input instanceof Input.ButtonPress press) {
            return Payload.parse(press.payload()).filter(p -> p.prefix().equals(ID)).map(Payload::action).orElse("");
        }
        if (input instanceof Input.Text text) {
            String typed = text.text().toLowerCase(Locale.ROOT).strip();
            if (typed.matches(".*\\b(ulang|ulangi|awal|baru)\\b.*")) {
                return "restart";
            }
            return YesNo.read(typed).map(yes -> yes ? "continue" : "cancel").orElse("");
        }
        return "";
    }

    private static ConversationState restore(ConversationState resume, Instant now) {
        Map<String, String> slots = new HashMap<>();
        resume.slots().forEach((name, value) -> {
            if (name.startsWith(SLOT)) {
                slots.put(name.substring(SLOT.length()), value);
            }
        });
        return new ConversationState(resume.slot(FLOW).orElseThrow(), resume.slot(STEP).orElse(""), slots, now);
    }

    private static Reply question(TurnContext turn, String flowId) {
        return Reply.of(turn.text("resume.ask").replace("{0}", turn.text("flow." + flowId + ".title")),
                new Button(turn.text("resume.continue"), CONTINUE),
                new Button(turn.text("resume.restart"), RESTART),
                new Button(turn.text("resume.cancel"), CANCEL));
    }
}
