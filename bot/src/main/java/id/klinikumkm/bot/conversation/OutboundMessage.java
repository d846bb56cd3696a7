package id.klinikumkm.bot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A message to a user, stored in the chat's transcript.
 *
 * @param id the message's number within its chat (1, 2, 3, ... over both directions, never reused), so it tells a
 *           client nothing about other chats; clients fetch newer messages with it
 * @param author {@code bot} or {@code consultant}
 */
public record OutboundMessage(long id, ChatKey chat, String text, List<Button> buttons, Instant createdAt, String author) {
    public static final String BOT = "bot";
    public static final String CONSULTANT = "consultant";

    public OutboundMessage {
        buttons = List.copyOf(buttons);
    }

    public OutboundMessage(long id, ChatKey chat, String text, List<Button> buttons, Instant createdAt) {
        this(id, chat, text, buttons, createdAt, BOT);
    }
}
