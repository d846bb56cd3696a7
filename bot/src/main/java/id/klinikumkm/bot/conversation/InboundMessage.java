package id.klinikumkm.bot.conversation;

import java.util.Objects;

/** One message from a user, on any channel. */
public record InboundMessage(ChatKey chat, Sender sender, Input input) {
    public InboundMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(input, "input");
    }

    public static InboundMessage text(ChatKey chat, String text) {
        return new InboundMessage(chat, Sender.anonymous(chat.externalId()), new Input.Text(text));
    }

    public static InboundMessage button(ChatKey chat, String payload) {
        return new InboundMessage(chat, Sender.anonymous(chat.externalId()), new Input.ButtonPress(payload));
    }
}
