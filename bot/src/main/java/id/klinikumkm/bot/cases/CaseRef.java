package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import java.util.Objects;

/** A case as staff actions decide on it: its state, who holds it, and the chat it came from. */
public record CaseRef(long id, String number, String status, Long assignedTo, String holder, String channel, String externalId) {
    public ChatKey chat() {
        return new ChatKey(Channel.fromId(channel), externalId);
    }

    public boolean heldBy(long accountId) {
        return Objects.equals(assignedTo, accountId);
    }

    /** Open for replies: routed, taken, or waiting for the user. */
    public boolean open() {
        return status.equals("assigned") || status.equals("in_progress") || status.equals("waiting_user");
    }
}
