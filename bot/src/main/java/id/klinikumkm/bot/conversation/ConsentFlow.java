package id.klinikumkm.bot.conversation;

import java.time.Duration;

/**
 * Asks whether the conversation may be stored (UU PDP 27/2022). Answered with its buttons or typed yes/no;
 * anything else gets a hint and the question again. Its buttons stay valid after the flow: an old "Setuju"
 * is still a clear choice.
 */
final class ConsentFlow implements Flow, ButtonHandler {
    static final String ID = "consent";
    static final String YES = Payload.of(ID, "yes");
    static final String NO = Payload.of(ID, "no");
    private static final String ASK = "ask";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String prefix() {
        return ID;
    }

    @Override
    public Duration resumeWindow() {
        return Duration.ofDays(1);
    }

    @Override
    public Outcome start(TurnContext turn) {
        return Outcome.then(ConversationState.in(ID, ASK, turn.now()), question(turn));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        return start(turn);
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press && (YES.equals(press.payload()) || NO.equals(press.payload()))) {
            return answer(turn, YES.equals(press.payload()));
        }
        if (input instanceof Input.Text text) {
            var answer = YesNo.read(text.text());
            if (answer.isPresent()) {
                return answer(turn, answer.get());
            }
        }
        return Outcome.then(state, Reply.of(turn.text("consent.hint")), question(turn));
    }

    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        return switch (payload.action()) {
            case "yes" -> answer(turn, true);
            case "no" -> answer(turn, false);
            default -> turn.stale();
        };
    }

    private static Outcome answer(TurnContext turn, boolean given) {
        return Outcome.idle(turn.withMenu(turn.text(given ? "consent.given" : "consent.refused")))
                .with(new Effect.SetConsent(given));
    }

    private static Reply question(TurnContext turn) {
        return Reply.of(turn.text("consent.ask"),
                new Button(turn.text("consent.yes"), YES),
                new Button(turn.text("consent.no"), NO));
    }
}
