package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.storage.EmbeddedPostgresServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long-polling mode end to end: the real TelegramBots library against the fake Bot API. */
class TelegramPollingIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;
    private final String databaseUrl = harness.databaseUrl;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void start_command_asks_for_consent_then_shows_the_menu_as_inline_buttons_in_html_mode() {
        harness.polling();
        fake.textMessage(501, "/start");

        List<FakeBotApi.Call> replies = fake.awaitSentTo(501, 2, WAIT);
        assertThat(replies.get(0).text()).contains("Klinik Konsultasi Usaha Mikro");
        assertThat(String.valueOf(replies.get(0).param("parse_mode"))).isEqualToIgnoringCase("HTML");
        assertThat(replies.get(1).inlineButtons()).extracting(b -> b.get("callback_data")).containsExactly("consent:yes", "consent:no");
        // "typing…" only when a reply is not ready at once (TypingIndicatorTest); never more than one per update.
        assertThat(fake.calls("sendChatAction")).hasSizeLessThanOrEqualTo(1);

        fake.callbackQuery(501, "consent:yes");
        FakeBotApi.Call menu = fake.awaitSentTo(501, 3, WAIT).get(2);
        assertThat(menu.inlineButtons()).extracting(b -> b.get("text"))
                .containsExactly("Legalitas", "Kemasan & Label", "Sertifikasi Halal", "Info Klinik & Lainnya", "Konsultasi dengan Petugas");
    }

    @Test
    void topic_button_is_answered_and_its_callback_acknowledged() {
        harness.polling();
        fake.callbackQuery(502, "faq:topic:halal");

        FakeBotApi.Call reply = fake.awaitSentTo(502, 1, WAIT).get(0);

        assertThat(reply.text()).contains("<b>Sertifikasi Halal</b>");
        assertThat(reply.inlineButtons()).extracting(b -> b.get("text")).contains("Biaya sertifikasi halal");
        assertThat(fake.awaitCalls("answerCallbackQuery", 1, WAIT)).hasSize(1);
    }

    @Test
    void forged_button_data_gets_a_polite_answer() {
        harness.polling();
        fake.callbackQuery(503, "<script>x</script>");

        FakeBotApi.Call reply = fake.awaitSentTo(503, 1, WAIT).get(0);

        assertThat(reply.text()).contains("tidak berlaku");
        assertThat(fake.awaitCalls("answerCallbackQuery", 1, WAIT)).hasSize(1);
    }

    @Test
    void the_same_update_delivered_twice_is_answered_once() {
        long updateId = fake.nextUpdateId();
        fake.enqueueUpdate(fake.updates().textMessage(updateId, 504, "/start"));
        fake.enqueueUpdate(fake.updates().textMessage(updateId, 504, "/start"));
        harness.polling();
        fake.textMessage(504, "/help");

        // /start answers with the welcome and the consent question, /help with two messages; in this order.
        List<FakeBotApi.Call> replies = fake.awaitSentTo(504, 4, WAIT);
        assertThat(replies.get(0).text()).contains("selamat datang");
        assertThat(replies.get(1).text()).contains("Boleh kami menyimpan");
        assertThat(replies.get(2).text()).contains("Cara memakai");
        TelegramHarness.settle();
        assertThat(fake.sentTo(504)).hasSize(4);
        assertEquals(1, Sql.count(databaseUrl, "SELECT count(*) FROM processed_updates WHERE update_id = " + updateId));
    }

    @Test
    void updates_are_not_confirmed_to_telegram_while_the_database_is_down(@TempDir Path dir) throws Exception {
        int dbPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, dbPort);
        try {
            harness.polling(server.jdbcUrl("postgres"));
            fake.awaitCalls("getUpdates", 1, WAIT);
            server.close();

            fake.textMessage(510, "/menu");
            // Longer than the pool's connection timeout, so recording really fails rather than waits.
            TelegramHarness.sleep(8000);
            // Telegram keeps the update: no getUpdates offset has gone past it.
            assertEquals(1, fake.pendingUpdateCount());
            assertThat(fake.sentTo(510)).isEmpty();

            server = EmbeddedPostgresServer.startDurable(data, dbPort);
            assertThat(fake.awaitSentTo(510, 1, Duration.ofSeconds(30)).get(0).text()).contains("pilih topik");
            TelegramHarness.settle();
            assertThat(fake.sentTo(510)).hasSize(1);
            assertEquals(0, fake.pendingUpdateCount());
        } finally {
            harness.close();
            server.close();
        }
    }

    @Test
    void stickers_voice_and_photos_get_a_please_type_reply_and_groups_and_edits_none() {
        harness.polling();
        fake.sticker(505);
        fake.voice(505);
        fake.groupText(-100500, 505, "/start");
        fake.editedText(505, "/start");
        fake.photo(505);

        List<FakeBotApi.Call> replies = fake.awaitSentTo(505, 3, WAIT);
        assertThat(replies).allSatisfy(r -> assertThat(r.text()).contains("ketik pertanyaan"));
        TelegramHarness.settle();
        assertThat(fake.sentTo(505)).hasSize(3);
        assertThat(fake.sentTo(-100500)).isEmpty();
    }

    @Test
    void commands_are_registered_at_start_up() {
        harness.polling();
        FakeBotApi.Call call = fake.awaitCalls("setMyCommands", 1, WAIT).get(0);
        assertThat(call.params().get("commands").toString())
                .contains("start", "menu", "help", "konsultasi", "status", "batal", "hapus");
    }

    @Test
    void a_user_who_blocked_the_bot_gets_nothing_more_and_the_reason_is_kept() {
        harness.polling();
        fake.failNext("sendMessage", 506, 1, 403, "Forbidden: bot was blocked by the user", null);
        fake.textMessage(506, "/menu");

        fake.awaitCalls("sendMessage", 1, WAIT);
        harness.awaitCount("SELECT count(*) FROM messages WHERE delivery = 'failed' AND delivery_error LIKE '403%'", 1);
        assertEquals(1, Sql.count(databaseUrl, "SELECT count(*) FROM chats WHERE blocked_at IS NOT NULL"));
        TelegramHarness.settle();
        assertThat(fake.calls("sendMessage")).hasSize(1);
        assertThat(fake.sentMessages()).isEmpty();
    }

    @Test
    void blocking_and_unblocking_the_bot_is_tracked_from_chat_member_updates() {
        harness.polling();
        fake.textMessage(509, "/start");
        fake.awaitSentTo(509, 1, WAIT);
        fake.blockedByUser(509);

        harness.awaitCount("SELECT count(*) FROM chats WHERE external_id = '509' AND blocked_at IS NOT NULL", 1);
    }

    @Test
    void a_message_refused_with_400_is_not_retried_and_is_marked_failed() {
        harness.polling();
        fake.failNext("sendMessage", 507, 1, 400, "Bad Request: chat not found", null);
        fake.textMessage(507, "/menu");

        harness.awaitCount("SELECT count(*) FROM messages WHERE delivery = 'failed' AND delivery_error LIKE '400%'", 1);
        TelegramHarness.settle();
        assertThat(fake.calls("sendMessage")).hasSize(1);
    }

    @Test
    void a_server_error_is_retried_and_the_message_arrives_once() {
        harness.polling();
        fake.failNext("sendMessage", 508, 1, 500, "Internal Server Error", null);
        fake.textMessage(508, "/menu");

        List<FakeBotApi.Call> attempts = fake.awaitCalls("sendMessage", 2, WAIT);
        assertEquals(500, attempts.get(0).status());
        assertEquals(200, attempts.get(1).status());
        assertThat(fake.sentTo(508)).hasSize(1);
    }
}
