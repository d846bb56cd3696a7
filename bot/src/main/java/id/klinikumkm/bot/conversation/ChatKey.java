package id.klinikumkm.bot.conversation;

import java.util.Objects;

/** Identifies one conversation: a Telegram chat id, or a web chat session id. */
public record ChatKey(Channel channel, String externalId) {
    public ChatKey {
        Objects.requireNonNull(channel, "channel");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must not be blank");
        }
    }

    @Override
    public String toString() {
        // Chat ids are pseudonymous but still personal data: logs get a short, stable digest only.
        return channel.id() + ":" + Integer.toHexString(externalId.hashCode());
    }
}
