package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Admins' training examples in real PostgreSQL servers: validation, cleaning, the link to an unanswered question. */
class TrainingExamplesIT {

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void examples_are_checked_cleaned_listed_and_deleted(TestDatabases.Target server) {
        String url = server.freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            var examples = new TrainingExamples(database.jdbi().onDemand(TrainingExamplesDao.class));
            Sql.execute(url, "INSERT INTO chats (channel, external_id) VALUES ('web', 'c1')");
            Sql.execute(url, "INSERT INTO unanswered_questions (chat_id, text, reason) SELECT id, 'x', 'fallback' FROM chats");
            long question = Sql.count(url, "SELECT id FROM unanswered_questions");

            long id = examples.add("legal.start", "  izin\u0000 apa dulu?\r\n ", "admin", OptionalLong.of(question));

            TrainingExample stored = examples.list().get(0);
            assertEquals(id, stored.id());
            assertEquals("izin apa dulu?", stored.text());
            assertEquals(question, stored.unansweredId());
            assertThrows(IllegalArgumentException.class, () -> examples.add("Legal Start", "izin", "admin", OptionalLong.empty()));
            assertThrows(IllegalArgumentException.class, () -> examples.add("legal.start", " \u0001 ", "admin", OptionalLong.empty()));
            assertThrows(IllegalArgumentException.class, () -> examples.add("legal.start", "a".repeat(1001), "admin", OptionalLong.empty()));
            examples.add("legal.start", "a".repeat(1000), "admin", OptionalLong.empty());
            assertEquals(2, examples.list().size());

            // Erasing the chat erases its question, not the example made from it.
            Sql.execute(url, "DELETE FROM chats");
            assertThat(examples.list().get(0).unansweredId()).isNull();
            assertThat(examples.delete(id)).isTrue();
            assertThat(examples.delete(id)).isFalse();
            assertEquals(1, examples.list().size());
        }
    }
}
