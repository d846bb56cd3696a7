package id.klinikumkm.bot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A message to a user, stored in the chat's transcript.
 *
 * @param id increasing within the whole service; clients fetch newer messages with it
 */
public record OutboundMessage(long id, ChatKey chat, String text, List<Button> buttons, Instant createdAt) {
    public OutboundMessage {
        buttons = List.copyOf(buttons);
    }
}
