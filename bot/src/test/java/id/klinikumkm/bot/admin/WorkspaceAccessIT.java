package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workspace's pages refuse what is not a consultant's to see or do, with a message that names who has it. */
class WorkspaceAccessIT {
    private static Application app;
    private static String number;
    private static String databaseUrl;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.session.per.minute", "1000")));
        TestStaff.consultant(databaseUrl, "siti", "Siti Aminah", "halal");
        TestStaff.consultant(databaseUrl, "budi", "Budi Santoso", "legal");
        number = new WebChatUser(new HttpJson(app.httpPort()), "workspace-access-walk-01").openCase("Ani Suryani", "halal");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_consultant_cannot_open_claim_or_answer_someone_elses_case_from_the_pages() {
        StaffSession budi = new StaffSession(app.httpPort());
        assertEquals(302, budi.login("budi", TestStaff.PASSWORD).statusCode());
        String csrf = StaffSession.csrfOf(budi.get("/consultant").body());

        HttpResponse<String> page = budi.get("/consultant/cases/" + number);
        assertEquals(403, page.statusCode());
        assertThat(page.body()).contains("Kasus ini ditangani oleh Siti Aminah.").doesNotContain("Ani Suryani");

        HttpResponse<String> claim = budi.post("/consultant/cases/" + number + "/ambil", Map.of("csrf", csrf));
        assertEquals(403, claim.statusCode());
        assertThat(claim.body()).contains("Siti Aminah");
        HttpResponse<String> reply = budi.post("/consultant/cases/" + number + "/balas", Map.of("csrf", csrf, "text", "Halo"));
        assertEquals(403, reply.statusCode());
        assertEquals(403, budi.post("/consultant/cases/" + number + "/alihkan", Map.of("csrf", csrf, "consultant", "budi")).statusCode());
        assertEquals(404, budi.get("/consultant/cases/KUM-2026-99999").statusCode());
        assertEquals(404, budi.get("/consultant/cases/bukan-nomor").statusCode());

        StaffSession siti = new StaffSession(app.httpPort());
        assertEquals(302, siti.login("siti", TestStaff.PASSWORD).statusCode());
        String sitiCsrf = StaffSession.csrfOf(siti.get("/consultant").body());
        HttpResponse<String> taken = siti.post("/consultant/cases/" + number + "/ambil", Map.of("csrf", sitiCsrf));
        assertEquals(200, taken.statusCode());
        assertThat(taken.body()).contains("Kasus berhasil diambil.", "Ani Suryani");
        assertEquals(403, siti.post("/consultant/cases/" + number + "/ambil", Map.of()).statusCode());
    }

    @Test
    void a_case_nobody_took_within_the_configured_time_is_marked_late() {
        String late = new WebChatUser(new HttpJson(app.httpPort()), "workspace-access-walk-02").openCase("Wati Lestari", "halal");
        StaffSession siti = new StaffSession(app.httpPort());
        assertEquals(302, siti.login("siti", TestStaff.PASSWORD).statusCode());
        assertThat(siti.get("/consultant").body()).contains(late).doesNotContain("⏰ terlambat");
        id.klinikumkm.bot.testing.Sql.execute(databaseUrl, "UPDATE cases SET created_at = now() - interval '61 minutes' WHERE number = '" + late + "'");
        assertThat(siti.get("/consultant").body()).contains("⏰ terlambat");
    }
}
