package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.storage.EmbeddedPostgresServer;
import id.klinikumkm.bot.testing.Sql;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode end to end: our route on our server, the real library sending to the fake Bot API. */
class TelegramWebhookIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private static final String SECRET = TelegramHarness.WEBHOOK_SECRET;
    private final HttpClient http = HttpClient.newHttpClient();
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;
    private final String databaseUrl = harness.databaseUrl;
    private Application app;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void webhook_is_registered_once_with_its_secret_and_not_again_on_restart() {
        app = harness.webhook();
        FakeBotApi.Call set = fake.awaitCalls("setWebhook", 1, WAIT).get(0);
        assertEquals("https://klinik.example.test/telegram/webhook", set.param("url"));
        assertEquals(SECRET, set.param("secret_token"));
        assertThat(String.valueOf(set.param("allowed_updates"))).contains("message", "callback_query");
        assertThat(String.valueOf(set.param("max_connections"))).isEqualTo("40");

        harness.stop(app);
        app = harness.webhook();
        fake.awaitCalls("getWebhookInfo", 2, WAIT);

        assertThat(fake.calls("setWebhook")).hasSize(1);
    }

    @Test
    void start_and_a_topic_button_are_answered() throws Exception {
        app = harness.webhook();

        java.time.Instant posted = java.time.Instant.now();
        assertEquals(200, post(fake.updates().textMessage(fake.nextUpdateId(), 601, "/start"), SECRET));
        FakeBotApi.Call welcome = fake.awaitSentTo(601, 1, WAIT).get(0);
        assertThat(welcome.text()).contains("Klinik Konsultasi Usaha Mikro");
        // Reported, not asserted: timing belongs to benchmarks, but the number is useful in the test log.
        System.out.println("webhook update to sendMessage: " + Duration.between(posted, welcome.at()).toMillis() + " ms");

        assertEquals(200, post(fake.updates().callbackQuery(fake.nextUpdateId(), 601, "consent:no"), SECRET));
        assertEquals(200, post(fake.updates().callbackQuery(fake.nextUpdateId(), 601, "faq:topic:legal"), SECRET));
        FakeBotApi.Call legal = fake.awaitSentTo(601, 4, WAIT).get(3);
        assertThat(legal.text()).contains("<b>Legalitas Usaha</b>");
        assertThat(legal.inlineButtons()).extracting(b -> b.get("text")).contains("Biaya membuat NIB", "Cara membuat NIB");
        fake.awaitCalls("answerCallbackQuery", 2, WAIT);
    }

    @Test
    void a_redelivered_update_is_answered_once() throws Exception {
        app = harness.webhook();
        String update = fake.updates().textMessage(fake.nextUpdateId(), 602, "/start");

        assertEquals(200, post(update, SECRET));
        assertEquals(200, post(update, SECRET));
        assertEquals(200, post(fake.updates().textMessage(fake.nextUpdateId(), 602, "/menu"), SECRET));

        List<FakeBotApi.Call> replies = fake.awaitSentTo(602, 3, WAIT);
        assertThat(replies.get(0).text()).contains("selamat datang");
        assertThat(replies.get(1).text()).contains("Boleh kami menyimpan");
        assertThat(replies.get(2).text()).contains("pilih topik");
        TelegramHarness.settle();
        assertThat(fake.sentTo(602)).hasSize(3);
    }

    @Test
    void calls_without_or_with_a_wrong_secret_get_401_and_nothing_is_handled() throws Exception {
        app = harness.webhook();

        assertEquals(401, post(fake.updates().textMessage(fake.nextUpdateId(), 603, "/start"), null));
        assertEquals(401, post(fake.updates().textMessage(fake.nextUpdateId(), 603, "/start"), "wrong-secret"));
        assertEquals(401, post(fake.updates().textMessage(fake.nextUpdateId(), 603, "/start"), SECRET + "x"));

        Thread.sleep(1000);
        assertThat(fake.sentTo(603)).isEmpty();
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates"));
    }

    @Test
    void malformed_bodies_get_400() throws Exception {
        app = harness.webhook();
        assertEquals(400, post("{not json", SECRET));
        assertEquals(400, post("{\"message\": {}}", SECRET));
    }

    @Test
    void with_the_database_down_the_webhook_answers_503_and_the_update_is_handled_once_it_is_back(@TempDir Path dir)
            throws Exception {
        int dbPort = freePort();
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, dbPort);
        try {
            app = harness.webhook(server.jdbcUrl("postgres"));
            String update = fake.updates().textMessage(fake.nextUpdateId(), 604, "/start");

            server.close();
            assertEquals(503, post(update, SECRET));

            server = EmbeddedPostgresServer.startDurable(data, dbPort);
            // Telegram retries the same update until it gets a 2xx.
            int status = 0;
            for (int i = 0; i < 20 && status != 200; i++) {
                status = post(update, SECRET);
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertEquals(200, status);
            assertThat(fake.awaitSentTo(604, 1, WAIT).get(0).text()).contains("selamat datang");
            TelegramHarness.settle();
            assertThat(fake.sentTo(604)).hasSize(2);
        } finally {
            harness.close();
            server.close();
        }
    }

    private int post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.httpPort() + TelegramHarness.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
