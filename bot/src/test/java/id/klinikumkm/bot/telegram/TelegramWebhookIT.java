package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /**
     * Issue 12 on the webhook: unknown and future update types are taken (so Telegram does not send them again)
     * and answered with nothing; numbers out of range, wrong types and bodies over the limit are refused before
     * anything is recorded; a forged 10,000-character text and a display name full of markup, control and
     * invisible characters are answered with every text escaped.
     */
    @Test
    void hostile_updates_are_refused_or_handled_without_harm() throws Exception {
        app = harness.webhook();
        long poll = fake.nextUpdateId();
        long future = fake.nextUpdateId();
        assertEquals(200, post("{\"update_id\": " + poll + ", \"poll\": {\"id\": \"9\", \"question\": \"<b>?</b>\", "
                + "\"options\": [], \"total_voter_count\": 0, \"is_closed\": false, \"is_anonymous\": true, "
                + "\"type\": \"regular\", \"allows_multiple_answers\": false}}", SECRET));
        assertEquals(200, post("{\"update_id\": " + future + ", \"jenis_baru_2030\": {\"isi\": [1, 2, 3]}}", SECRET));

        String outOfRange = fake.updates().textMessage(fake.nextUpdateId(), 605, "/start")
                .replace("\"id\":605", "\"id\":99999999999999999999999");
        assertThat(outOfRange).contains("99999999999999999999999");
        for (String body : List.of("{\"update_id\": 99999999999999999999999}", "{\"update_id\": \"satu\"}",
                "{\"update_id\": null}", "{\"update_id\": 900000005, \"message\": \"teks\"}", "[]", "\"x\"", "", outOfRange)) {
            assertEquals(400, post(body, SECRET), body);
        }
        HttpRequest oversized = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + TelegramHarness.WEBHOOK_PATH))
                .timeout(Duration.ofSeconds(20)).header(WebhookRoute.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\": 900000077, \"message\": {\"text\": \"" + "x".repeat(70_000) + "\"}}"))
                .build();
        assertEquals(413, http.send(oversized, HttpResponse.BodyHandlers.discarding()).statusCode());

        assertEquals(200, post(fake.updates().textMessage(fake.nextUpdateId(), 605, "/start"), SECRET));
        fake.awaitSentTo(605, 2, WAIT);
        assertEquals(200, post(fake.updates().callbackQuery(fake.nextUpdateId(), 605, "consent:yes"), SECRET));
        fake.awaitSentTo(605, 3, WAIT);
        // A NUL in the JSON (PostgreSQL's jsonb refuses it) used to make the update unrecordable: 503 forever.
        String typed = "<i>" + "ab ".repeat(3_333) + "'; DROP TABLE chats; --";
        assertThat(typed.length()).isGreaterThan(10_000);
        ObjectNode text = (ObjectNode) JSON.readTree(fake.updates().textMessage(fake.nextUpdateId(), 605, typed));
        ((ObjectNode) text.at("/message/from")).put("first_name", "<b>Budi</b> & <script>x</script>\u0000\u0007 \u202Eanu\u202C")
                .put("last_name", "😀".repeat(40));
        assertEquals(200, post(text.toString(), SECRET));
        List<FakeBotApi.Call> replies = fake.awaitSentTo(605, 4, WAIT);

        for (FakeBotApi.Call reply : replies) {
            assertThat(reply.text()).doesNotContain("<script", "<i>", "<b>Budi");
        }
        assertThat(Sql.row(databaseUrl, "SELECT display_name FROM chats WHERE external_id = '605'"))
                .containsEntry("display_name", "<b>Budi</b> & <script>x</script> \u202Eanu\u202C " + "😀".repeat(40));
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages m JOIN chats c ON c.id = m.chat_id "
                + "WHERE c.external_id = '605' AND m.body = '" + typed.replace("'", "''") + "'")).isEqualTo(1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates WHERE update_id IN (" + poll + ", " + future
                + ") AND handled_at IS NOT NULL") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates WHERE update_id IN (" + poll + ", "
                + future + ") AND handled_at IS NOT NULL"), "unknown types are recorded and marked handled");
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates WHERE update_id IN (900000005, 900000077)"));
        TelegramHarness.settle();
        assertThat(fake.calls("sendMessage")).as("nothing sent anywhere else").hasSameSizeAs(fake.sentTo(605));
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
