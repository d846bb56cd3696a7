package id.klinikumkm.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.InboundMessage;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.TopicAnswers;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.conversation.Interpretation.IntentScore;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Questions the bot was unsure about are kept in unanswered_questions, and erased with the chat. */
class UnansweredQuestionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void clarifications_and_fallbacks_are_stored_with_their_top_intents_and_erased_with_the_chat(TestDatabases.Target server)
            throws Exception {
        ChatKey chat = new ChatKey(Channel.TELEGRAM, "55501");
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", server.freshDatabaseUrl()), Map.of()).db())) {
            var engine = ConversationEngine.builder(new JdbiConversationStore(database.jdbi(), JSON), BotTexts.load())
                    .classifier(text -> text.startsWith("halal")
                            ? new Interpretation(text, Decision.CLARIFY, List.of(
                                    new IntentScore("halal.cost", 0.45), new IntentScore("halal.duration", 0.4)))
                            : new Interpretation(text, Decision.FALLBACK, List.of(new IntentScore("out_of_scope", 0.9))))
                    .topics(new TopicAnswers() {
                        @Override
                        public java.util.Optional<id.klinikumkm.bot.conversation.Outcome> answer(
                                id.klinikumkm.bot.conversation.TurnContext turn, String key) {
                            return java.util.Optional.empty();
                        }

                        @Override
                        public java.util.Optional<String> title(String key) {
                            return java.util.Optional.of(key);
                        }
                    }, List.of())
                    .build();

            engine.handle(InboundMessage.text(chat, "belum setuju"));
            engine.handle(InboundMessage.button(chat, "consent:yes"));
            engine.handle(InboundMessage.text(chat, "halal berapa"));
            engine.handle(InboundMessage.text(chat, "zzz qqq"));
            engine.handle(InboundMessage.text(chat, "/start"));

            List<Map<String, Object>> rows = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT text, reason, top_intents::text AS top FROM unanswered_questions ORDER BY id").mapToMap().list());
            // Before consent the question is counted without its text.
            assertThat(rows).extracting(row -> row.get("text")).containsExactly("", "halal berapa", "zzz qqq");
            assertThat(rows).extracting(row -> row.get("reason")).containsExactly("fallback", "clarify", "fallback");
            JsonNode top = JSON.readTree((String) rows.get(1).get("top"));
            assertEquals("halal.cost", top.get(0).get("key").asText());
            assertEquals(0.45, top.get(0).get("probability").asDouble(), 1e-9);

            engine.handle(InboundMessage.text(chat, "/hapus"));
            engine.handle(InboundMessage.button(chat, "delete:yes"));
            long left = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT count(*) FROM unanswered_questions").mapTo(Long.class).one());
            assertEquals(0, left);
        }
    }
}
