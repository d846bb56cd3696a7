package id.klinikumkm.bot.conversation;

/** The port to a user's consultations, for /status: their cases and where each stands. */
@FunctionalInterface
public interface StatusReport {
    Outcome report(TurnContext turn);
}
