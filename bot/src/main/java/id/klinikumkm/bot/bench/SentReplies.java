package id.klinikumkm.bot.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stored reply each {@code sendMessage} delivered. The outbox sends a chat's replies one at a time in id
 * order, and only the last part of a reply carries a reply_markup, so the k-th such call to a chat is its k-th
 * reply marked sent. Calls beyond the replies the database has marked sent are duplicates. Take the fake's
 * calls before reading the database: a reply being sent right then is then in the database but not in the calls,
 * and is simply left unmatched.
 */
record SentReplies(Map<Long, Instant> sentAt, long duplicated) {

    static SentReplies match(List<FakeTelegramApi.SentMessage> calls, Map<String, List<Long>> sentRowsByChat) {
        Map<String, List<Instant>> lastPartsByChat = new HashMap<>();
        for (FakeTelegramApi.SentMessage call : calls) {
            if (call.lastPart()) {
                lastPartsByChat.computeIfAbsent(call.chatId(), chat -> new ArrayList<>()).add(call.at());
            }
        }
        Map<Long, Instant> sentAt = new HashMap<>();
        long duplicated = 0;
        for (Map.Entry<String, List<Instant>> chat : lastPartsByChat.entrySet()) {
            List<Long> rows = sentRowsByChat.getOrDefault(chat.getKey(), List.of());
            List<Instant> arrivals = chat.getValue();
            for (int i = 0; i < Math.min(rows.size(), arrivals.size()); i++) {
                sentAt.put(rows.get(i), arrivals.get(i));
            }
            duplicated += Math.max(0, arrivals.size() - rows.size());
        }
        return new SentReplies(sentAt, duplicated);
    }
}
