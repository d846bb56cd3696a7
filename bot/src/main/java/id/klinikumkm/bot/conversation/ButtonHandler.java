package id.klinikumkm.bot.conversation;

/**
 * Handles buttons whose payload starts with {@link #prefix()} while no flow is active (for example the FAQ's
 * "Selengkapnya" and votes). A stale or forged payload must get a friendly answer ({@link TurnContext#stale()}).
 */
public interface ButtonHandler {
    String prefix();

    Outcome onButton(TurnContext turn, Payload payload);
}
