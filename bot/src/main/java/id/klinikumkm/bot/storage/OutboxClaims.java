package id.klinikumkm.bot.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Goes round the chats with pending messages: each claim starts after the last chat the previous one took and
 * wraps around, so every chat gets its turn and one with a long backlog cannot keep the others waiting. Not
 * thread-safe: one claiming thread holds one.
 */
public final class OutboxClaims {
    private final OutboxDao outbox;
    private final String channel;
    private long lastChat;

    public OutboxClaims(OutboxDao outbox, String channel) {
        this.outbox = outbox;
        this.channel = channel;
    }

    /** Leases up to {@code limit} due messages, each the oldest pending one of its chat, in the order of the round. */
    public List<OutboxMessage> claim(int limit, double leaseSeconds) {
        List<OutboxMessage> claimed = new ArrayList<>(inOrder(outbox.claimDue(channel, lastChat, Long.MAX_VALUE, limit, leaseSeconds)));
        if (claimed.size() < limit && lastChat > 0) {
            claimed.addAll(inOrder(outbox.claimDue(channel, 0, lastChat, limit - claimed.size(), leaseSeconds)));
        }
        if (!claimed.isEmpty()) {
            lastChat = claimed.get(claimed.size() - 1).chatId();
        }
        return claimed;
    }

    private static List<OutboxMessage> inOrder(List<OutboxMessage> messages) {
        List<OutboxMessage> sorted = new ArrayList<>(messages);
        sorted.sort((a, b) -> Long.compare(a.chatId(), b.chatId()));
        return sorted;
    }
}
