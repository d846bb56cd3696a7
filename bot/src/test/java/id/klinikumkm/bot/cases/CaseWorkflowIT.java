package id.klinikumkm.bot.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case's whole life over HTTP, through the web chat and the workspace API of the whole service: the intake's
 * case is routed to the consultant whose specialty fits, who claims it and replies through the bot; the user's
 * answer reaches the case; another consultant can neither read nor take it; resolving asks for a rating, which
 * is stored; /status shows the case resolved.
 */
class CaseWorkflowIT {
    private static Application app;
    private static String databaseUrl;
    private static HttpJson web;
    private static HttpJson siti;
    private static HttpJson budi;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.session.per.minute", "1000")));
        web = new HttpJson(app.httpPort());
        siti = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(databaseUrl, "siti", "Siti Aminah", "halal", "packaging"));
        budi = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(databaseUrl, "budi", "Budi Santoso", "legal"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The web chat's messages newer than {@code after}, as the page's polling fetches them. */
    private static List<JsonNode> newMessages(String session, long after) {
        HttpJson.Response response = web.get("/api/chat/messages?session=" + session + "&after=" + after);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().get("messages").forEach(messages::add);
        return messages;
    }

    private static long newest(String session) {
        return newMessages(session, 0).stream().mapToLong(m -> m.get("id").asLong()).max().orElse(0);
    }

    @Test
    void a_case_goes_from_intake_to_the_fitting_consultant_and_back_to_the_bot_with_a_rating() {
        String session = "case-workflow-walk-0001";
        WebChatUser user = new WebChatUser(web, session);
        String number = user.openCase("Lestari Wulandari", "halal");
        String caseSql = "FROM cases WHERE number = '" + number + "'";

        assertThat(Sql.row(databaseUrl, "SELECT status, (SELECT username FROM accounts WHERE id = assigned_to) AS holder " + caseSql))
                .containsEntry("status", "assigned").containsEntry("holder", "siti");
        assertThat(Sql.row(databaseUrl, "SELECT detail FROM case_events WHERE kind = 'routed' AND case_id = (SELECT id " + caseSql + ")")
                .get("detail").toString()).contains("halal", "0 dari 10");

        HttpJson.Response peek = budi.get("/api/consultant/cases/" + number + "/messages");
        assertThat(peek.status()).as("someone else's case").isEqualTo(403);
        assertThat(peek.body()).contains("Siti Aminah");

        long seen = newest(session);
        assertThat(siti.postJson("/api/consultant/cases/" + number + "/claim", Map.of()).json().get("done").asBoolean()).isTrue();
        HttpJson.Response stolen = budi.postJson("/api/consultant/cases/" + number + "/claim", Map.of());
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.json().get("message").asText()).isEqualTo("Kasus ini sudah diambil oleh Siti Aminah.");

        HttpJson.Response replied = siti.postJson("/api/consultant/cases/" + number + "/reply",
                Map.of("text", "Selamat siang Bu Lestari, sudah punya NIB? <b>Mohon</b> dicek dulu."));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        List<JsonNode> arrived = newMessages(session, seen);
        assertThat(arrived).hasSize(2);
        assertThat(arrived.get(0).get("text").asText()).contains(number, "Siti");
        assertThat(arrived.get(1).get("from").asText()).isEqualTo("consultant");
        assertThat(arrived.get(1).get("text").asText()).contains("Siti", "sudah punya NIB? <b>Mohon</b> dicek dulu.");
        assertThat(Sql.row(databaseUrl, "SELECT status, first_reply_at IS NOT NULL AS replied " + caseSql))
                .containsEntry("status", "waiting_user").containsEntry("replied", true);

        assertThat(user.say("Sudah punya NIB, Bu. Nomornya 1234567890123")).contains("diteruskan ke petugas");
        assertThat(user.say("Produknya sambal bawang")).as("no second acknowledgement while the consultant reads").isEmpty();
        JsonNode transcript = siti.get("/api/consultant/cases/" + number + "/messages").json().get("messages");
        List<String> userLines = new ArrayList<>();
        transcript.forEach(line -> {
            if (line.get("from").asText().equals("user")) {
                userLines.add(line.get("text").asText());
            }
        });
        assertThat(userLines).contains("Sudah punya NIB, Bu. Nomornya 1234567890123", "Produknya sambal bawang");
        assertThat(Sql.row(databaseUrl, "SELECT status " + caseSql)).containsEntry("status", "in_progress");

        long beforeResolve = newest(session);
        assertThat(siti.postJson("/api/consultant/cases/" + number + "/status", Map.of("status", "resolved")).status()).isEqualTo(200);
        JsonNode resolved = newMessages(session, beforeResolve).get(0);
        assertThat(resolved.get("text").asText()).contains(number, "diselesaikan");
        assertThat(resolved.get("buttons").size()).isEqualTo(5);

        assertThat(user.press("rating:star:" + number + ":5")).contains("5 dari 5", "saran atau komentar");
        assertThat(user.say("Petugasnya ramah dan jelas")).contains("Terima kasih");
        assertThat(Sql.row(databaseUrl, "SELECT status, rating, rating_comment, resolved_at IS NOT NULL AS done " + caseSql))
                .containsEntry("status", "resolved").containsEntry("rating", 5)
                .containsEntry("rating_comment", "Petugasnya ramah dan jelas").containsEntry("done", true);
        assertThat(user.press("rating:star:" + number + ":1")).as("rated once").contains("sudah kami terima");

        assertThat(user.say("/status")).contains(number, "Selesai", "Petugas: Siti");
        Sql.execute(databaseUrl, "INSERT INTO case_notes (case_id, account_id, body) SELECT id, assigned_to, 'catatan tentang Bu Lestari' " + caseSql);
        assertThat(user.say("apa itu NIB?")).as("back with the bot").doesNotContain("diteruskan");

        user.say("/hapus");
        user.press("delete:yes");
        assertThat(Sql.row(databaseUrl, "SELECT rating, rating_comment, full_name, status " + caseSql))
                .containsEntry("rating", 5).containsEntry("rating_comment", null).containsEntry("full_name", null)
                .containsEntry("status", "resolved");
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM case_notes")).isZero();
        assertThat(Sql.count(databaseUrl, "SELECT count(DISTINCT kind) FROM case_events WHERE case_id = (SELECT id " + caseSql + ")"
                + " AND kind IN ('opened', 'routed', 'claimed', 'replied', 'status', 'rated')")).isEqualTo(6);
    }

    @Test
    void a_case_nobody_fits_waits_in_the_queue_with_the_reason() {
        WebChatUser user = new WebChatUser(web, "case-workflow-walk-0002");
        String number = user.openCase("Maman Suherman", "lainnya");
        assertThat(Sql.row(databaseUrl, "SELECT status, assigned_to FROM cases WHERE number = '" + number + "'"))
                .containsEntry("status", "new").containsEntry("assigned_to", null);
        assertThat(Sql.row(databaseUrl, "SELECT detail FROM case_events WHERE kind = 'queued' AND case_id = "
                + "(SELECT id FROM cases WHERE number = '" + number + "')").get("detail").toString())
                .contains("tidak ada petugas aktif dengan keahlian: lainnya");
        assertThat(budi.get("/api/consultant/cases/" + number + "/messages").status()).as("anyone may look at the queue").isEqualTo(200);
        assertThat(budi.postJson("/api/consultant/cases/" + number + "/reply", Map.of("text", "Halo")).status())
                .as("no reply before claiming").isEqualTo(409);
        assertThat(budi.postJson("/api/consultant/cases/" + number + "/claim", Map.of()).status()).isEqualTo(200);
        assertThat(user.say("Halo?")).isEmpty();
    }

    @Test
    void an_admin_reassigns_a_case_and_the_new_consultant_may_act_on_it() {
        HttpJson head = new HttpJson(app.httpPort()).withBearer(TestStaff.token(databaseUrl, "kepala", id.klinikumkm.bot.accounts.Role.ADMIN));
        String number = new WebChatUser(web, "case-workflow-walk-0003").openCase("Tuti Handayani", "halal");
        assertThat(budi.postJson("/api/consultant/cases/" + number + "/reassign", Map.of("consultant", "budi")).status())
                .as("only admins reassign").isEqualTo(403);
        HttpJson.Response moved = head.postJson("/api/consultant/cases/" + number + "/reassign", Map.of("consultant", "budi"));
        assertThat(moved.json().get("message").asText()).isEqualTo("Kasus dialihkan ke Budi Santoso.");
        assertThat(siti.get("/api/consultant/cases/" + number + "/messages").status()).isEqualTo(403);
        assertThat(budi.postJson("/api/consultant/cases/" + number + "/claim", Map.of()).status()).isEqualTo(200);
        assertThat(Sql.row(databaseUrl, "SELECT detail FROM case_events WHERE kind = 'reassigned' AND case_id = "
                + "(SELECT id FROM cases WHERE number = '" + number + "')").get("detail").toString())
                .isEqualTo("dialihkan ke Budi Santoso dari Siti Aminah");
        assertThat(head.postJson("/api/consultant/cases/" + number + "/reassign", Map.of("consultant", "nobody")).status()).isEqualTo(409);
    }
}
