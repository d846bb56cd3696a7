package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.http.HttpServer;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every staff route is guarded: by login, by role, by CSRF token; wrong passwords lock an account. */
class StaffAccessIT {
    private static String databaseUrl;
    private static Application app;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(databaseUrl);
        TestStaff.account(databaseUrl, "siti", Role.ADMIN);
        TestStaff.account(databaseUrl, "budi", Role.CONSULTANT);
        TestStaff.account(databaseUrl, "lupa", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Every guarded staff route, with path parameters filled in with a real entry. */
    private static List<HttpServer.Endpoint> staffRoutes() {
        List<HttpServer.Endpoint> routes = app.endpoints().stream()
                .filter(e -> StaffGuard.isStaffPath(e.path()) && !e.roles().contains(StaffRole.ANYONE.toString()))
                .map(e -> new HttpServer.Endpoint(e.method(),
                        e.path().replace("{key}", "legal.nib.cost").replace("{group}", "tanpa-teks")
                                .replace("{number}", "KUM-2026-00001").replace("{message}", "1").replace("{chat}", "1"), e.roles()))
                .toList();
        assertThat(routes).extracting(HttpServer.Endpoint::path).contains("/admin", "/admin/coba", "/api/admin/nlu/classify",
                "/admin/faq", "/admin/faq/baru", "/admin/faq/legal.nib.cost", "/admin/faq/legal.nib.cost/riwayat",
                "/admin/kotak-masuk", "/admin/latih", "/api/admin/faq", "/api/admin/faq/legal.nib.cost", "/api/admin/retrain",
                "/admin/reports", "/admin/reports.csv", "/consultant", "/consultant/cases/KUM-2026-00001",
                "/consultant/cases/KUM-2026-00001/alihkan", "/api/consultant/cases/KUM-2026-00001/claim");
        return routes;
    }

    @Test
    void every_staff_route_declares_a_role_and_refuses_visitors_without_a_session() {
        HttpJson anonymous = new HttpJson(app.httpPort());
        for (HttpServer.Endpoint route : staffRoutes()) {
            assertThat(route.roles()).as(route.path()).isNotEmpty();
            HttpJson.Response response = anonymous.send(route.method(), route.path(), route.method().equals("GET") ? null : "{}");
            if (route.path().startsWith("/api/")) {
                assertEquals(401, response.status(), route.method() + " " + route.path());
                assertThat(response.json().get("error").asText()).contains("Silakan masuk");
            } else {
                assertEquals(302, response.status(), route.method() + " " + route.path());
                assertThat(response.headers().firstValue("Location")).hasValue("/admin/login");
            }
        }
    }

    @Test
    void a_consultant_gets_403_on_admin_only_routes() {
        StaffSession consultant = new StaffSession(app.httpPort());
        assertEquals(302, consultant.login("budi", TestStaff.PASSWORD).statusCode());
        String csrf = StaffSession.csrfOf(consultant.get("/admin").body());
        for (HttpServer.Endpoint route : staffRoutes()) {
            if (route.roles().contains(StaffRole.CONSULTANT.toString())) {
                continue;
            }
            HttpResponse<String> response = consultant.send(route.method(), route.path(), Map.of("csrf", csrf, "text", "halo"));
            assertEquals(403, response.statusCode(), route.method() + " " + route.path());
        }
        String apiToken = TestStaff.token(databaseUrl, "budi", Role.CONSULTANT);
        HttpJson.Response api = new HttpJson(app.httpPort()).withBearer(apiToken).postJson("/api/admin/nlu/classify", Map.of("text", "halo"));
        assertEquals(403, api.status());
    }

    @Test
    void an_admin_session_works_and_a_form_without_its_csrf_token_is_refused() {
        StaffSession admin = new StaffSession(app.httpPort());
        HttpResponse<String> login = admin.login("siti", TestStaff.PASSWORD);
        assertEquals(302, login.statusCode());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith(StaffGuard.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        String page = admin.get("/admin/coba").body();
        String csrf = StaffSession.csrfOf(page);

        assertEquals(200, admin.post("/admin/coba", Map.of("csrf", csrf, "text", "biaya nib berapa")).statusCode());
        assertEquals(403, admin.post("/admin/coba", Map.of("text", "biaya nib berapa")).statusCode());
        assertEquals(403, admin.post("/admin/coba", Map.of("csrf", csrf + "x", "text", "biaya nib berapa")).statusCode());

        assertEquals(302, admin.post("/admin/logout", Map.of("csrf", csrf)).statusCode());
        assertEquals(302, admin.get("/admin/coba").statusCode());
    }

    @Test
    void the_eleventh_wrong_password_in_a_row_is_locked_out_even_when_the_password_is_right() {
        StaffSession visitor = new StaffSession(app.httpPort());
        for (int i = 1; i <= 9; i++) {
            assertEquals(401, visitor.login("lupa", "salah-" + i + "-xxxxxx").statusCode(), "attempt " + i);
        }
        HttpResponse<String> tenth = visitor.login("lupa", "salah-10-xxxxxx");
        assertEquals(423, tenth.statusCode());
        HttpResponse<String> eleventh = visitor.login("lupa", TestStaff.PASSWORD);
        assertEquals(423, eleventh.statusCode());
        assertThat(eleventh.body()).contains("dikunci sementara");
    }

    @Test
    void the_login_form_refuses_a_post_without_its_token() {
        StaffSession visitor = new StaffSession(app.httpPort());
        assertEquals(403, visitor.post("/admin/login", Map.of("username", "siti", "password", TestStaff.PASSWORD)).statusCode());
    }

    @Test
    void a_staff_route_without_a_declared_role_is_refused() {
        AppConfig config = TestApp.config(databaseUrl, Map.of());
        var accounts = new id.klinikumkm.bot.accounts.Accounts(null, new ObjectMapper());
        var pages = new Pages();
        var server = new HttpServer(config.http(), new ObjectMapper(), List.of(new StaffGuard(accounts, pages, false),
                routes -> routes.get("/admin/tanpa-peran", ctx -> ctx.result("bocor"))));
        server.start();
        try {
            HttpJson.Response response = new HttpJson(server.port()).getPage("/admin/tanpa-peran");
            assertEquals(403, response.status());
            assertThat(response.body()).doesNotContain("bocor").contains("belum diberi hak akses");
        } finally {
            server.stop();
        }
    }
}
