package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, acceptance 2: a burst of updates from many chats, posted to the webhook as fast as several threads can,
 * answered through the real TelegramBots library into the fake Bot API. Every chat gets each of its replies once
 * and in order; from the first reply on, every whole second carries at least 25 replies; the last reply leaves
 * within updates / 30 s + 10 s of the first update.
 *
 * <p>The burst's size is set by {@code -Dburst.updates} and {@code -Dburst.chats} (defaults 600 and 200, about
 * 20 s of sending); the full burst is {@code -Dburst.updates=3000 -Dburst.chats=1000}.
 */
class TelegramBurstIT {
    private static final int UPDATES = Integer.getInteger("burst.updates", 600);
    private static final int CHATS = Integer.getInteger("burst.chats", 200);
    private static final int POSTERS = Integer.getInteger("burst.posters", 8);
    private static final long FIRST_CHAT = 1_100_000;
    private static final long WARM_UP_FIRST_CHAT = 900_000;
    private static final int WARM_UP_CHATS = 60;
    private static final int MIN_PER_SECOND = 25;
    private static final int TELEGRAM_PER_SECOND = 30;
    private static final Duration SLACK = Duration.ofSeconds(10);

    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void a_burst_from_many_chats_is_answered_at_telegrams_pace_in_order_and_once_each() throws Exception {
        assertThat(UPDATES).as("updates").isGreaterThanOrEqualTo(CHATS);
        Application app = harness.webhook();
        fake.awaitCalls("setWebhook", 1, TelegramHarness.WAIT);
        URI webhook = WebhookLoad.webhookOf(app.httpPort());
        warmUp(webhook);

        // Each chat's commands (WebhookLoad.COMMANDS, each answered by one message), rotated by chat so neighbouring
        // chats differ; one poster per slice of chats posts a chat's updates one after another, as Telegram does.
        WebhookLoad load = new WebhookLoad(fake, FIRST_CHAT, CHATS, UPDATES, POSTERS);
        Instant firstUpdate = Instant.now();
        List<String> backlog = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread sampler = sampler(backlog);
        try (load) {
            load.start(() -> webhook);
            load.awaitAllAcknowledged(Duration.ofSeconds(120));
            System.out.printf("burst: %d updates from %d chats posted in %d ms (%d answered non-2xx and were posted again)%n",
                    UPDATES, CHATS, Duration.between(firstUpdate, Instant.now()).toMillis(), load.redelivered());
        }

        Duration deadline = Duration.ofMillis(UPDATES * 1000L / TELEGRAM_PER_SECOND).plus(SLACK);
        try {
            fake.awaitCalls("sendMessage", WARM_UP_CHATS + UPDATES, deadline.plus(Duration.ofSeconds(60)));
        } finally {
            sampler.interrupt();
        }
        TelegramHarness.settle();
        System.out.println("burst: each second from the first update, updates recorded/handled and replies queued/sent: " + backlog);
        List<FakeBotApi.Call> sent = fake.sentMessages().stream().filter(TelegramBurstIT::ofTheBurst).toList();
        List<FakeBotApi.Call> attempts = fake.calls("sendMessage").stream().filter(TelegramBurstIT::ofTheBurst).toList();

        Instant firstReply = sent.get(0).at();
        Instant lastReply = sent.get(sent.size() - 1).at();
        List<Integer> perSecond = perSecond(sent, firstReply);
        System.out.printf("burst: first reply %d ms after the first update, last reply %d ms after it (bar %d ms); "
                        + "%d replies, %d sendMessage attempts, %d sendChatAction%n",
                Duration.between(firstUpdate, firstReply).toMillis(), Duration.between(firstUpdate, lastReply).toMillis(),
                deadline.toMillis(), sent.size(), attempts.size(), fake.calls("sendChatAction").size());
        System.out.println("burst: replies per second from the first reply: " + perSecond);

        // Every chat: each expected reply once, in the order of its updates.
        load.assertEachAnsweredOnceInOrder();
        assertEquals(UPDATES, attempts.size(), "sendMessage calls: nothing retried or repeated");

        // The pace: every whole second from the first reply on (the last, partial one aside) holds at least 25.
        for (int second = 0; second < perSecond.size() - 1; second++) {
            assertThat(perSecond.get(second)).as("replies in second %d of %s", second + 1, perSecond)
                    .isGreaterThanOrEqualTo(MIN_PER_SECOND);
        }
        assertThat(Duration.between(firstUpdate, lastReply)).as("first update to last reply")
                .isLessThanOrEqualTo(deadline);
    }

    /**
     * Reported, not asserted: once a second, how far intake, handling and sending are (updates recorded / handled,
     * replies queued / sent), so a slow second can be told apart as waiting for replies or waiting to send them.
     */
    private Thread sampler(List<String> samples) {
        String sql = "SELECT (SELECT count(*) FROM processed_updates) || '/' "
                + "|| (SELECT count(*) FROM processed_updates WHERE handled_at IS NOT NULL) || ' ' "
                + "|| (SELECT count(*) FROM messages WHERE direction = 'out') || '/' "
                + "|| (SELECT count(*) FROM messages WHERE direction = 'out' AND delivery = 'sent')";
        Thread thread = new Thread(() -> {
            try (var connection = java.sql.DriverManager.getConnection(harness.databaseUrl);
                 var statement = connection.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    try (var rows = statement.executeQuery(sql)) {
                        rows.next();
                        samples.add(rows.getString(1));
                    }
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.sql.SQLException e) {
                samples.add("sampling stopped: " + e.getMessage());
            }
        }, "burst-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * A district announcement reaches a service that has been running, not a JVM that just started: without a
     * few conversations first, the first calls to the Bot API take about a second (classes loading, code not yet
     * compiled, new connections) and the pace counts that second against the burst.
     */
    private void warmUp(URI webhook) throws InterruptedException {
        try (WebhookLoad warmUp = new WebhookLoad(fake, WARM_UP_FIRST_CHAT, WARM_UP_CHATS, WARM_UP_CHATS, POSTERS)) {
            warmUp.start(() -> webhook);
            warmUp.awaitAllAcknowledged(Duration.ofSeconds(30));
        }
        fake.awaitCalls("sendMessage", WARM_UP_CHATS, Duration.ofSeconds(30));
        TelegramHarness.settle();
    }

    private static boolean ofTheBurst(FakeBotApi.Call call) {
        return call.chatId() >= FIRST_CHAT && call.chatId() < FIRST_CHAT + CHATS;
    }

    /** Replies in each second [first + k s, first + (k + 1) s); the last element is the last, partial second. */
    private static List<Integer> perSecond(List<FakeBotApi.Call> sent, Instant first) {
        List<Integer> counts = new ArrayList<>();
        for (FakeBotApi.Call call : sent) {
            int second = (int) (Duration.between(first, call.at()).toMillis() / 1000);
            while (counts.size() <= second) {
                counts.add(0);
            }
            counts.set(second, counts.get(second) + 1);
        }
        return counts;
    }
}
