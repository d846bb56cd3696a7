package id.klinikumkm.bot.conversation;

/** A feature's own slash command (for example /hubungkan for consultants linking their Telegram chat). */
@FunctionalInterface
public interface CommandHandler {
    /**
     * @param arguments what followed the command, stripped ("ABCD-1234" of "/hubungkan ABCD-1234")
     */
    Outcome handle(TurnContext turn, ConversationState state, String arguments);
}
