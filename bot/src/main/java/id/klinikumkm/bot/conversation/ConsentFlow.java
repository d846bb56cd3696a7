package id.klinikumkm.bot.conversation;

import java.time.Duration;

/**
 * Asks whether the conversation may be stored (UU PDP 27/2022). Its buttons stay valid after the flow: an old
 * "Setuju" is still a clear choice.
 */
final class ConsentFlow extends YesNoFlow implements ButtonHandler {
    static final String ID = "consent";

    ConsentFlow() {
        super(ID, "consent");
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
    public Outcome onButton(TurnContext turn, Payload payload) {
        return switch (payload.action()) {
            case "yes" -> answered(turn, true);
            case "no" -> answered(turn, false);
            default -> turn.stale();
        };
    }

    @Override
    Outcome answered(TurnContext turn, boolean given) {
        return Outcome.idle(turn.withMenu(turn.text(given ? "consent.given" : "consent.refused")))
                .with(new Effect.SetConsent(given));
    }
}
