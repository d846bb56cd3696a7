package id.klinikumkm.bot.conversation;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One message from a user, on any channel.
 *
 * @param updateId the channel's delivery id (Telegram's update_id) when it has one: a message with an id is
 *     handled at most once, however often it is delivered
 */
public record InboundMessage(ChatKey chat, Sender sender, Input input, OptionalLong updateId) {
    public InboundMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(updateId, "updateId");
    }

    public InboundMessage(ChatKey chat, Sender sender, Input input) {
        this(chat, sender, input, OptionalLong.empty());
    }

    public static InboundMessage text(ChatKey chat, String text) {
        return new InboundMessage(chat, Sender.anonymous(chat.externalId()), new Input.Text(text));
    }

    public static InboundMessage button(ChatKey chat, String payload) {
        return new InboundMessage(chat, Sender.anonymous(chat.externalId()), new Input.ButtonPress(payload));
    }
}
