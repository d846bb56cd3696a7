package id.klinikumkm.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram {@code Update} JSON as the Bot API posts it to a webhook: a private text message, or a button press
 * (callback_query) on a message of the bot. Update ids are unique and increasing across the whole run, so a phase
 * is the range of ids it used.
 */
final class TelegramUpdates {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong nextUpdateId = new AtomicLong(1);
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final Map<Long, Instant> firstDelivered = new ConcurrentHashMap<>();

    /** The id the next update will get. */
    long peekNextUpdateId() {
        return nextUpdateId.get();
    }

    /**
     * When the update was built for its first delivery, i.e. just before it went out: the start of its "receipt ->
     * reply queued" as the sender sees it, including any wait inside the webhook before it was recorded.
     */
    Instant firstDelivered(long updateId) {
        return firstDelivered.get(updateId);
    }

    String next(SimulatedUser user) {
        long updateId = nextUpdateId.getAndIncrement();
        firstDelivered.put(updateId, Instant.now());
        ChatStep step = user.currentStep();
        ObjectNode update = NODES.objectNode().put("update_id", updateId);
        if (step.isButton()) {
            ObjectNode query = NODES.objectNode().put("id", String.valueOf(4_000_000_000_000L + updateId));
            query.set("from", person(user.telegramId()));
            ObjectNode botMessage = message(user.telegramId(), "Pilih salah satu:");
            botMessage.set("from", NODES.objectNode().put("id", FakeTelegramApi.BOT_ID).put("is_bot", true)
                    .put("first_name", "Klinik UMKM"));
            query.set("message", botMessage);
            query.put("chat_instance", String.valueOf(-8_000_000_000L - user.telegramId())).put("data", user.buttonPayload(step));
            update.set("callback_query", query);
        } else {
            ObjectNode message = message(user.telegramId(), step.text());
            message.set("from", person(user.telegramId()));
            update.set("message", message);
        }
        return write(update);
    }

    private ObjectNode message(long chatId, String text) {
        ObjectNode message = NODES.objectNode().put("message_id", nextMessageId.getAndIncrement())
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("chat", NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", "Siti"));
        return message;
    }

    private static ObjectNode person(long userId) {
        return NODES.objectNode().put("id", userId).put("is_bot", false).put("first_name", "Siti").put("language_code", "id");
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
