package id.klinikumkm.bot.conversation;

/**
 * Who sent a message, as the channel knows them.
 *
 * @param displayName may be empty; never logged
 */
public record Sender(String userId, String displayName) {
    public static Sender anonymous(String userId) {
        return new Sender(userId, "");
    }
}
