package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin JSON API with an API token: the same FAQ edits as the pages, with versions, conflicts and field errors. */
class AdminApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String url;
    private static Application app;
    private static HttpJson api;

    @BeforeAll
    static void start() {
        url = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(url);
        api = new HttpJson(app.httpPort()).withBearer(TestStaff.token(url, "skrip", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_entry_is_read_edited_with_its_version_and_a_stale_or_invalid_edit_is_refused() throws Exception {
        JsonNode list = ok(api.get("/api/admin/faq?cari=nib"));
        assertThat(list).isNotEmpty();
        JsonNode entry = ok(api.get("/api/admin/faq/legal.nib.cost"));
        assertEquals(1, entry.get("version").asInt());
        assertEquals(40, entry.get("menuOrder").asInt());

        ObjectNode edit = JSON.createObjectNode();
        edit.put("version", 1);
        edit.put("title", entry.get("title").asText());
        edit.put("answer", "NIB gratis, lewat oss.go.id.");
        edit.put("details", "");
        edit.set("sources", entry.get("sources"));
        edit.put("reviewedOn", "2026-11-29");
        edit.put("uncertain", false);
        edit.set("related", entry.get("related"));
        edit.put("menuOrder", 40);
        edit.put("published", true);
        HttpJson.Response saved = api.send("PUT", "/api/admin/faq/legal.nib.cost", JSON.writeValueAsString(edit));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(2, saved.json().get("version").asInt());

        HttpJson.Response stale = api.send("PUT", "/api/admin/faq/legal.nib.cost", JSON.writeValueAsString(edit));
        assertEquals(409, stale.status());
        assertThat(stale.json().get("error").asText()).contains("versi 2");

        edit.put("version", 2);
        edit.put("answer", "x".repeat(601));
        HttpJson.Response invalid = api.send("PUT", "/api/admin/faq/legal.nib.cost", JSON.writeValueAsString(edit));
        assertEquals(400, invalid.status());
        assertThat(invalid.json().get("fields").get("answer").asText()).contains("600");

        assertThat(ok(api.get("/api/admin/faq/legal.nib.cost/revisions"))).hasSize(2);
        assertEquals(404, api.get("/api/admin/faq/no.such.entry").status());
        assertThat(ok(api.get("/api/admin/retrain")).get("phase").asText()).isNotEmpty();
        assertThat(ok(api.get("/api/admin/inbox")).isArray()).isTrue();
    }

    @Test
    void a_session_cookie_without_the_csrf_header_cannot_change_anything() {
        HttpJson noToken = new HttpJson(app.httpPort());
        assertEquals(401, noToken.send("PUT", "/api/admin/faq/legal.nib.cost", "{}").status());
        assertEquals(401, noToken.postJson("/api/admin/retrain", Map.of()).status());
    }

    @Test
    void an_admin_creates_a_new_entry_with_example_questions_on_the_page() {
        StaffSession admin = new StaffSession(app.httpPort());
        assertEquals(302, admin.login("skrip", TestStaff.PASSWORD).statusCode());
        String csrf = StaffSession.csrfOf(admin.get("/admin/faq/baru").body());
        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", csrf, "key", "other.pameran", "topic", "other",
                "title", "Pameran produk UMKM", "answer", "Info pameran diumumkan di situs resmi Pemkab.",
                "sources", "Pemerintah Kabupaten Probolinggo | https://probolinggokab.go.id", "reviewedOn", "2026-11-29",
                "menuOrder", "20", "published", "ya"));
        form.put("examples", "");
        assertEquals(400, admin.post("/admin/faq/baru", form).statusCode());

        form.put("examples", "ada pameran umkm kapan?\njadwal bazar produk lokal");
        var created = admin.post("/admin/faq/baru", form);
        assertEquals(302, created.statusCode());
        assertThat(created.headers().firstValue("Location")).hasValue("/admin/faq/other.pameran?tersimpan=1");
        assertThat(admin.get("/admin/faq").body()).contains("Pameran produk UMKM");
        assertThat(ok(api.get("/api/admin/faq/other.pameran")).get("title").asText()).isEqualTo("Pameran produk UMKM");
        assertEquals(2, id.klinikumkm.bot.testing.Sql.count(url, "SELECT count(*) FROM training_examples WHERE intent_key = 'other.pameran'"));
        // Listed in its topic's menu at once.
        var menu = new HttpJson(app.httpPort()).postJson("/api/chat/messages",
                Map.of("session", "menu-after-new-entry-aa", "button", "faq:topic:other")).json();
        assertThat(menu.toString()).contains("Pameran produk UMKM");
    }

    private static JsonNode ok(HttpJson.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }
}
