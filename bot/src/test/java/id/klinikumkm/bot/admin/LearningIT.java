package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.nlu.IntentDataFile;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.RepoFiles;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Teaching the bot through the admin pages: a question it did not understand goes from the inbox into the
 * training examples, a retraining started from the page makes the next classification of that question hit
 * the chosen topic; a retraining on contradictory examples is refused and the old model keeps serving.
 */
class LearningIT {
    private static final String QUESTION = "rengginang sy mau masuk minimarket, surat2nya apa aja min?";
    private static final String TOPIC = "legal.start";
    private static final Duration RETRAIN_WAIT = Duration.ofMinutes(4);
    private String databaseUrl;
    private Application app;
    private StaffSession admin;
    private HttpJson api;

    @BeforeEach
    void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        // Two folds keep the suite fast (and share the seed's cross-validated figures with GuardedRetrainingIT).
        app = Application.start(TestApp.config(databaseUrl, Map.of("nlu.retrain.folds", "2")));
        TestStaff.account(databaseUrl, "siti", Role.ADMIN);
        admin = new StaffSession(app.httpPort());
        assertEquals(302, admin.login("siti", TestStaff.PASSWORD).statusCode());
        api = new HttpJson(app.httpPort()).withBearer(TestStaff.token(databaseUrl, "siti", Role.ADMIN));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_question_from_the_inbox_is_learned_after_a_retraining_started_from_the_page() throws InterruptedException {
        assertThat(topIntent(QUESTION)).isNotEqualTo(TOPIC);
        // A user who agreed to storage asks; the bot keeps the question for the inbox.
        HttpJson chat = new HttpJson(app.httpPort());
        String session = "learning-user-aaaaaaaa";
        chat.postJson("/api/chat/messages", Map.of("session", session, "button", "consent:yes"));
        chat.postJson("/api/chat/messages", Map.of("session", session, "text", QUESTION));

        String inbox = admin.get("/admin/kotak-masuk").body();
        assertThat(inbox).contains(QUESTION.replace("&", "&amp;"));
        Matcher group = Pattern.compile("action=\"/admin/kotak-masuk/([^/\"]+)/contoh\"").matcher(inbox);
        assertThat(group.find()).isTrue();
        String csrf = StaffSession.csrfOf(inbox);
        assertEquals(302, admin.post("/admin/kotak-masuk/" + group.group(1) + "/contoh", Map.of("csrf", csrf, "topic", TOPIC)).statusCode());
        assertThat(admin.get("/admin/kotak-masuk").body()).doesNotContain(QUESTION);
        assertEquals(1, Sql.count(databaseUrl, "SELECT count(*) FROM training_examples WHERE intent_key = '" + TOPIC + "'"));

        assertEquals(302, admin.post("/admin/latih", Map.of("csrf", csrf)).statusCode());
        awaitRun("serving");

        // The run is recorded just before its model is swapped in.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!topIntent(QUESTION).equals(TOPIC) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(TOPIC, topIntent(QUESTION));
    }

    @Test
    void a_retraining_on_contradictory_examples_is_refused_and_the_old_model_keeps_serving() throws InterruptedException {
        String before = topIntent("berapa biaya sertifikasi halal untuk usaha mikro?");
        // Every training line of halal.cost, relabelled as packaging.design.
        IntentDataFile.read(RepoFiles.nlpModels().resolve("intents-id.train")).stream()
                .filter(example -> example.intent().equals("halal.cost"))
                .forEach(example -> Sql.execute(databaseUrl, "INSERT INTO training_examples (intent_key, text, added_by) VALUES "
                        + "('packaging.design', '" + example.text().replace("'", "''") + "', 'test')"));
        String csrf = StaffSession.csrfOf(admin.get("/admin/latih").body());

        assertEquals(302, admin.post("/admin/latih", Map.of("csrf", csrf)).statusCode());
        String page = awaitRun("refused");

        assertThat(page).contains("model lama tetap dipakai");
        assertEquals(before, topIntent("berapa biaya sertifikasi halal untuk usaha mikro?"));
        assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM nlu_models WHERE status = 'serving' AND trained_by = 'siti'"));
    }

    private String topIntent(String text) {
        JsonNode result = api.postJson("/api/admin/nlu/classify", Map.of("text", text)).json();
        return result.get("top").get(0).get("intent").asText();
    }

    /** Waits until the run the admin started has ended with the status; returns the retraining page then. */
    private String awaitRun(String status) throws InterruptedException {
        String finished = "SELECT count(*) FROM nlu_models WHERE trained_by = 'siti' AND status = '" + status + "'";
        long deadline = System.nanoTime() + RETRAIN_WAIT.toNanos();
        while (Sql.count(databaseUrl, finished) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        assertEquals(1, Sql.count(databaseUrl, finished));
        String page = admin.get("/admin/latih").body();
        assertThat(page).contains("<td class=\"status\">" + status + "</td>").contains("<td>siti</td>");
        return page;
    }
}
