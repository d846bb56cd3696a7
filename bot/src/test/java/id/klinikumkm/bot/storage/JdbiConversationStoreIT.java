package id.klinikumkm.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.InboundMessage;
import id.klinikumkm.bot.conversation.OutboundMessage;
import id.klinikumkm.bot.conversation.TranscriptEntry;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conversation store against real PostgreSQL servers: embedded, and external when configured. */
class JdbiConversationStoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    private static Database open(TestDatabases.Target server) {
        AppConfig config = ConfigLoader.load(Map.of("db.url", server.freshDatabaseUrl()), Map.of());
        return Database.open(config.db());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void state_and_transcript_survive_a_new_store_instance(TestDatabases.Target server) {
        ChatKey chat = new ChatKey(Channel.TELEGRAM, "987654321");
        try (Database database = open(server)) {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load());
            engine.handle(InboundMessage.text(chat, "/start"));
            engine.handle(InboundMessage.text(chat, "/hapus"));

            var fresh = new JdbiConversationStore(database.jdbi(), JSON);
            assertEquals("delete", fresh.inChat(chat, session -> session.state().flow()));
            assertEquals("ask", fresh.inChat(chat, session -> session.state().step()));
            // /start: welcome and the consent question; /hapus: the confirmation.
            assertThat(fresh.outboundAfter(chat, 0, 100)).hasSize(3);
            assertEquals(2, count(database, "SELECT count(*) FROM messages WHERE direction = 'in'"));
            assertEquals(3, count(database, "SELECT count(*) FROM messages WHERE delivery = 'pending'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void outbound_after_returns_only_newer_messages_of_that_chat(TestDatabases.Target server) {
        ChatKey mine = new ChatKey(Channel.WEB, "mine-aaaaaaaaaaaaaaaa");
        ChatKey theirs = new ChatKey(Channel.WEB, "theirs-aaaaaaaaaaaaaa");
        try (Database database = open(server)) {
            var store = new JdbiConversationStore(database.jdbi(), JSON);
            var engine = new ConversationEngine(store, BotTexts.load());
            long first = engine.handle(InboundMessage.text(mine, "/menu")).get(0).id();
            engine.handle(InboundMessage.text(theirs, "/start"));
            OutboundMessage second = engine.handle(InboundMessage.button(mine, ConversationEngine.MENU)).get(0);

            List<OutboundMessage> newer = store.outboundAfter(mine, first, 100);
            assertThat(newer).extracting(OutboundMessage::id).containsExactly(second.id());
            assertThat(newer.get(0).buttons()).isNotEmpty();
            assertEquals(0, count(database, "SELECT count(*) FROM messages WHERE delivery IS NOT NULL"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void erasing_a_chat_removes_its_text_and_name_and_leaves_an_audit_entry(TestDatabases.Target server) {
        ChatKey chat = new ChatKey(Channel.TELEGRAM, "55501");
        try (Database database = open(server)) {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load());
            engine.handle(InboundMessage.button(chat, "consent:yes"));
            engine.handle(new InboundMessage(chat, new id.klinikumkm.bot.conversation.Sender("55501", "Siti <b>Aminah</b>"),
                    new id.klinikumkm.bot.conversation.Input.Text("no hp saya 081234567890")));
            assertEquals(1, count(database, "SELECT count(*) FROM chats WHERE display_name = 'Siti <b>Aminah</b>'"));
            engine.handle(InboundMessage.text(chat, "/hapus"));
            engine.handle(InboundMessage.button(chat, "delete:yes"));

            assertEquals(0, count(database, "SELECT count(*) FROM messages WHERE body LIKE '%0812%'"));
            assertEquals(0, count(database, "SELECT count(*) FROM messages WHERE direction = 'in'"));
            assertEquals(0, count(database, "SELECT count(*) FROM chats WHERE display_name IS NOT NULL OR consent_at IS NOT NULL"));
            assertEquals(1, count(database, "SELECT count(*) FROM audit_log WHERE action = 'chat.erased'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void without_consent_no_name_or_typed_text_reaches_the_database(TestDatabases.Target server) {
        ChatKey chat = new ChatKey(Channel.TELEGRAM, "55502");
        try (Database database = open(server)) {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load());
            engine.handle(new InboundMessage(chat, new id.klinikumkm.bot.conversation.Sender("55502", "Siti Aminah"),
                    new id.klinikumkm.bot.conversation.Input.Text("no hp saya 081234567890")));
            engine.handle(InboundMessage.button(chat, "consent:no"));

            assertEquals(0, count(database, "SELECT count(*) FROM messages WHERE body LIKE '%0812%'"));
            assertEquals(0, count(database, "SELECT count(*) FROM unanswered_questions WHERE text <> ''"));
            assertEquals(0, count(database, "SELECT count(*) FROM chats WHERE display_name IS NOT NULL OR consent_at IS NOT NULL"));
            assertEquals(1, count(database, "SELECT count(*) FROM messages WHERE direction = 'in' AND kind = 'button'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void concurrent_turns_of_one_chat_run_one_at_a_time(TestDatabases.Target server) throws Exception {
        ChatKey chat = new ChatKey(Channel.WEB, "busy-aaaaaaaaaaaaaaaa");
        try (Database database = open(server)) {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<OutboundMessage>>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String text = i % 2 == 0 ? "/hapus" : "/menu";
                    results.add(pool.submit(() -> engine.handle(InboundMessage.text(chat, text))));
                }
                for (Future<List<OutboundMessage>> result : results) {
                    assertEquals(1, result.get().size());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, count(database, "SELECT count(*) FROM chats"));
            assertEquals(40, count(database, "SELECT count(*) FROM messages WHERE direction = 'in'"));
            assertEquals(40, count(database, "SELECT count(*) FROM messages WHERE direction = 'out'"));
            // Turns never interleave: each inbound row is directly followed by its own answer.
            assertEquals(0, count(database, """
                    SELECT count(*) FROM (
                      SELECT direction, lag(direction) OVER (ORDER BY id) AS previous FROM messages
                    ) t WHERE direction = previous
                    """));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void history_shows_both_directions_with_pressed_buttons_by_their_label(TestDatabases.Target server) {
        ChatKey chat = new ChatKey(Channel.WEB, "history-aaaaaaaaaaaaa");
        try (Database database = open(server)) {
            var store = new JdbiConversationStore(database.jdbi(), JSON);
            var engine = new ConversationEngine(store, BotTexts.load());
            engine.handle(InboundMessage.text(chat, "/start"));
            engine.handle(InboundMessage.button(chat, "consent:yes"));
            engine.handle(InboundMessage.text(chat, "halo <b>kak</b>"));

            List<TranscriptEntry> history = store.history(chat, 50);

            assertThat(history).extracting(TranscriptEntry::author)
                    .containsExactly("user", "bot", "bot", "user", "bot", "user", "bot");
            assertThat(history.get(3).text()).isEqualTo(BotTexts.load().get("consent.yes"));
            assertThat(history.get(5).text()).isEqualTo("halo <b>kak</b>");
            assertThat(history).extracting(TranscriptEntry::id).isSorted();
            assertThat(store.history(chat, 2)).extracting(TranscriptEntry::id)
                    .containsExactly(history.get(5).id(), history.get(6).id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void an_update_is_answered_once_whether_its_chat_is_new_or_known(TestDatabases.Target server) {
        ChatKey chat = new ChatKey(Channel.TELEGRAM, "555000111");
        try (Database database = open(server)) {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load());
            var first = new InboundMessage(chat, id.klinikumkm.bot.conversation.Sender.anonymous("555000111"),
                    new id.klinikumkm.bot.conversation.Input.Text("/menu"), java.util.OptionalLong.of(7001));
            var second = new InboundMessage(chat, first.sender(), first.input(), java.util.OptionalLong.of(7002));

            assertThat(engine.handle(first)).as("a chat never seen").isNotEmpty();
            assertThat(engine.handle(first)).as("the same delivery again").isEmpty();
            assertThat(engine.handle(second)).as("a known chat").isNotEmpty();
            assertThat(engine.handle(second)).isEmpty();

            assertEquals(2, count(database, "SELECT count(*) FROM messages WHERE direction = 'in'"));
            assertEquals(2, count(database, "SELECT count(*) FROM processed_updates WHERE handled_at IS NOT NULL"));
            assertEquals(1, count(database, "SELECT count(*) FROM chats"));
        }
    }

    private static long count(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
