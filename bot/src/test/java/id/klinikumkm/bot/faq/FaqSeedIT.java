package id.klinikumkm.bot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.RepoFiles;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading the FAQ seed into real PostgreSQL servers: first start, newer seed files, admins' edits, restarts. */
class FaqSeedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = RepoFiles.root().resolve("config/faq");

    @TempDir
    Path newerSeed;

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_newer_seed_file_updates_an_unedited_entry_and_leaves_an_edited_one_alone(TestDatabases.Target server) throws IOException {
        String url = server.freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            var repository = new FaqRepository(database.jdbi().onDemand(FaqDao.class), JSON);
            int files = SeedFiles.readDirectory(SEED).size();

            var first = repository.applySeed(SEED);
            assertEquals(files, first.added().size());
            assertEquals(files, Sql.count(url, "SELECT count(*) FROM faq_entries WHERE published AND version = 1"));
            assertEquals(files, Sql.count(url, "SELECT count(*) FROM faq_revisions"));

            var again = repository.applySeed(SEED);
            assertThat(again.added()).isEmpty();
            assertThat(again.updated()).isEmpty();

            // An admin edits one entry; then both entries get a newer seed file.
            Sql.execute(url, "UPDATE faq_entries SET answer = 'Jawaban dari admin', edited_by = 'admin', version = version + 1"
                    + " WHERE intent_key = 'halal.cost'");
            copyWithNewerVersion("legal.nib.cost", "NIB tetap gratis (seed baru).");
            copyWithNewerVersion("halal.cost", "Biaya halal (seed baru).");

            var newer = repository.applySeed(newerSeed);

            assertThat(newer.updated()).containsExactly("legal.nib.cost");
            assertThat(newer.keptEdited()).containsExactly("halal.cost");
            FaqEntry updated = repository.find("legal.nib.cost").orElseThrow();
            assertEquals(2, updated.version());
            assertEquals("NIB tetap gratis (seed baru).", updated.answer());
            assertEquals(2, Sql.count(url, "SELECT count(*) FROM faq_revisions r JOIN faq_entries e ON e.id = r.entry_id"
                    + " WHERE e.intent_key = 'legal.nib.cost'"));
            FaqEntry edited = repository.find("halal.cost").orElseThrow();
            assertEquals("Jawaban dari admin", edited.answer());
            assertEquals(2, edited.version());
        }
    }

    @Test
    void a_change_on_the_shared_database_is_answered_by_every_instance_within_the_cache_time() throws InterruptedException {
        String url = TestDatabases.embedded().freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            var repository = new FaqRepository(database.jdbi().onDemand(FaqDao.class), JSON);
            repository.applySeed(SEED);
            var thisInstance = new FaqCatalog(repository, java.time.Duration.ofSeconds(1));
            var otherInstance = new FaqCatalog(repository, java.time.Duration.ofSeconds(1));
            assertThat(otherInstance.entry("legal.nib.cost").orElseThrow().answer()).doesNotContain("diubah");

            Sql.execute(url, "UPDATE faq_entries SET answer = 'Jawaban diubah', version = version + 1 WHERE intent_key = 'legal.nib.cost'");
            thisInstance.invalidate();

            assertEquals("Jawaban diubah", thisInstance.entry("legal.nib.cost").orElseThrow().answer());
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (!otherInstance.entry("legal.nib.cost").orElseThrow().answer().equals("Jawaban diubah") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("Jawaban diubah", otherInstance.entry("legal.nib.cost").orElseThrow().answer());
            Sql.execute(url, "UPDATE faq_entries SET published = false WHERE intent_key = 'legal.nib.cost'");
            thisInstance.invalidate();
            assertThat(thisInstance.entry("legal.nib.cost")).isEmpty();
        }
    }

    @Test
    void restarting_keeps_the_entries_and_a_chat_in_the_middle_of_a_flow() {
        String url = TestDatabases.embedded().freshDatabaseUrl();
        String session = "restart-flow-aaaaaaaa";
        try (Application app = TestApp.start(url)) {
            var http = new HttpJson(app.httpPort());
            http.postJson("/api/chat/messages", Map.of("session", session, "text", "/hapus"));
        }
        long entries = Sql.count(url, "SELECT count(*) FROM faq_entries");
        try (Application app = TestApp.start(url)) {
            assertEquals(entries, Sql.count(url, "SELECT count(*) FROM faq_entries"));
            assertEquals(entries, Sql.count(url, "SELECT count(*) FROM faq_revisions"));
            var http = new HttpJson(app.httpPort());
            var reply = http.postJson("/api/chat/messages", Map.of("session", session, "button", "delete:no")).json();
            assertEquals(BotTexts.load().get("delete.cancelled"), reply.get("messages").get(0).get("text").asText());
        }
    }

    private void copyWithNewerVersion(String key, String answer) throws IOException {
        String text = Files.readString(SEED.resolve(key + ".md"), StandardCharsets.UTF_8)
                .replace("seed-version: 1", "seed-version: 2");
        List<String> parts = List.of(text.split("\n---\n", 2));
        Files.writeString(newerSeed.resolve(key + ".md"), parts.get(0) + "\n---\n" + answer + "\n", StandardCharsets.UTF_8);
    }
}
