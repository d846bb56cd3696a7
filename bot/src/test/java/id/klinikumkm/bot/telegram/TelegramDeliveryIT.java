package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.testing.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paced, durable sending and recovery, asserted from what the fake Bot API recorded. */
class TelegramDeliveryIT {
    private static final int CHATS = 30;
    private static final int MESSAGES = CHATS * 10;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;
    private final String databaseUrl = harness.databaseUrl;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void a_429_with_retry_after_is_honoured_and_the_message_arrives_once() {
        harness.polling();
        fake.failNext("sendMessage", 701, 1, 429, "Too Many Requests: retry after 2", 2);
        fake.textMessage(701, "/menu");

        List<FakeBotApi.Call> attempts = fake.awaitCalls("sendMessage", 2, Duration.ofSeconds(20));

        assertEquals(429, attempts.get(0).status());
        assertEquals(200, attempts.get(1).status());
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        TelegramHarness.settle();
        assertThat(fake.sentTo(701)).hasSize(1);
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE delivery = 'pending'"));
    }

    @Test
    void a_while_of_429s_and_500s_delays_the_replies_of_many_chats_but_each_arrives_once_and_in_order() throws Exception {
        // Issue 12, fault tests: the Bot API throttles (429, retry after 1 s) and then fails (500) the next 30 sends,
        // whichever chats they are for, while updates from 20 chats keep coming in.
        fake.failNext("sendMessage", FakeBotApi.ANY_CHAT, 15, 429, null, 1);
        fake.failNext("sendMessage", FakeBotApi.ANY_CHAT, 15, 500, null, null);
        var app = harness.webhook();
        try (WebhookLoad load = new WebhookLoad(fake, 1_500_000, 20, 60, 4)) {
            load.start(() -> WebhookLoad.webhookOf(app.httpPort()));
            load.awaitAllAcknowledged(Duration.ofSeconds(30));
            load.assertEachAnsweredOnceInOrder(Duration.ofSeconds(60));
        }
        List<FakeBotApi.Call> attempts = fake.calls("sendMessage");
        assertThat(attempts).filteredOn(call -> call.status() == 429).hasSize(15);
        assertThat(attempts).filteredOn(call -> call.status() == 500).hasSize(15);
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE delivery <> 'sent' AND direction = 'out'"));
    }

    @Test
    void three_hundred_messages_to_thirty_chats_stay_within_telegram_limits_in_order_and_once_each() {
        // Start once so the schema exists, then queue the outbox directly, as a burst of consultant replies would.
        harness.polling();
        StringBuilder sql = new StringBuilder();
        // 300 messages keep the overall limit binding for about ten seconds; 10 per chat the per-chat limit too.
        for (int chat = 0; chat < CHATS; chat++) {
            sql.append("INSERT INTO chats (channel, external_id) VALUES ('telegram', '").append(9000 + chat).append("');");
        }
        sql.append("""
                INSERT INTO messages (chat_id, direction, author, kind, body, delivery)
                SELECT c.id, 'out', 'consultant', 'text', c.external_id || ' #' || n, 'pending'
                FROM chats c CROSS JOIN generate_series(1, 10) AS n
                WHERE c.channel = 'telegram' ORDER BY n, c.id;
                """);
        Sql.execute(databaseUrl, sql.toString());

        List<FakeBotApi.Call> sent = fake.awaitCalls("sendMessage", MESSAGES, Duration.ofSeconds(60));
        TelegramHarness.sleep(1000);
        sent = fake.sentMessages();

        assertEquals(MESSAGES, sent.size(), "each message exactly once");
        assertEquals(MESSAGES, sent.stream().map(FakeBotApi.Call::text).distinct().count());
        int overallPerSecond = maxInWindow(times(sent), Duration.ofSeconds(1));
        // Reported, not asserted as timing: the limits themselves are asserted below.
        System.out.println(MESSAGES + " messages: " + Duration.between(sent.get(0).at(), sent.get(sent.size() - 1).at()).toMillis()
                + " ms, at most " + overallPerSecond + " in any second");
        assertThat(overallPerSecond).isLessThanOrEqualTo(30);
        Map<Long, List<FakeBotApi.Call>> byChat = new HashMap<>();
        sent.forEach(call -> byChat.computeIfAbsent(call.chatId(), k -> new ArrayList<>()).add(call));
        assertEquals(CHATS, byChat.size());
        byChat.forEach((chat, calls) -> {
            List<Instant> times = times(calls);
            assertThat(maxInWindow(times, Duration.ofSeconds(1))).as("chat %s in 1 s", chat).isLessThanOrEqualTo(4);
            assertThat(maxInWindow(times, Duration.ofSeconds(5))).as("chat %s in 5 s", chat).isLessThanOrEqualTo(8);
            List<String> texts = calls.stream().map(FakeBotApi.Call::text).toList();
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                expected.add(chat + " #" + n);
            }
            assertEquals(expected, texts, "chat " + chat + " in order");
        });
        assertEquals(MESSAGES, Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE delivery = 'sent'"));
    }

    @Test
    void an_update_recorded_before_a_crash_is_answered_exactly_once_after_restart() {
        // Exactly what a crash between recording and handling leaves: the update stored, unhandled, unanswered.
        harness.stop(harness.webhook());
        String payload = fake.updates().textMessage(fake.nextUpdateId(), 702, "/start").replace("'", "''");
        Sql.execute(databaseUrl, "INSERT INTO processed_updates (channel, update_id, payload) "
                + "VALUES ('telegram', (CAST('" + payload + "' AS jsonb) ->> 'update_id')::bigint, CAST('" + payload + "' AS jsonb))");

        // Two instances come up at once on the same database: both resume it, one answers.
        harness.webhook();
        harness.webhook();

        assertThat(fake.awaitSentTo(702, 1, Duration.ofSeconds(15)).get(0).text()).contains("selamat datang");
        TelegramHarness.sleep(2000);
        assertThat(fake.sentTo(702)).hasSize(2);
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates WHERE handled_at IS NULL"));
    }

    private static List<Instant> times(List<FakeBotApi.Call> calls) {
        return calls.stream().map(FakeBotApi.Call::at).sorted().toList();
    }

    /** The largest number of instants in any half-open window [t, t + window). */
    private static int maxInWindow(List<Instant> sorted, Duration window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
