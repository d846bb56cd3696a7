package id.klinikumkm.bot.admin;

import static id.klinikumkm.bot.testing.ApiAssertions.assertError;
import static id.klinikumkm.bot.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.http.HttpServer;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12's hostile input over HTTP, against the whole service: bodies that are too large (refused before they
 * are read whole), malformed or incomplete JSON on every route that reads a body, numbers out of range, texts of
 * 10,000 characters and odd characters (zero-width, right-to-left, emoji, control characters, SQL), forged
 * buttons naming someone else's case, login attempts from one address, the security headers of every page, and
 * message ids that say nothing about other chats. One service for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
    /** Zero-width space and joiner, right-to-left override and isolate, emoji with a skin tone and a ZWJ family. */
    private static final String ODD = "\u200B\u200D\u202Eperbaikan\u202C \u2067مرحبا\u2069 👍🏽 👨‍👩‍👧";
    private static final String SQL = "'; DROP TABLE messages; -- \" OR 1=1 /* $$ \\x00";
    private static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private static final String BUSINESS = "Rasa'; DROP TABLE cases;-- <i>👩‍🍳</i>";

    private static String databaseUrl;
    private static Application app;
    private static HttpJson http;
    private static String adminToken;
    private static HttpJson admin;
    private static HttpJson siti;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.session.per.minute", "1000")));
        http = new HttpJson(app.httpPort());
        // "kepala" also logs in with TestStaff.PASSWORD where a page needs a session.
        adminToken = TestStaff.token(databaseUrl, "kepala", Role.ADMIN);
        admin = http.withBearer(adminToken);
        siti = http.withBearer(TestStaff.consultant(databaseUrl, "siti", "Siti Aminah", "halal", "legal", "packaging", "other"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // ---- bodies that are too large -------------------------------------------------------------------------

    @Test
    void a_body_announced_over_a_megabyte_is_refused_with_413_before_it_is_sent_whole() {
        for (String route : List.of("POST /api/chat/messages", "PUT /api/admin/faq/legal.nib.cost",
                "POST /api/admin/nlu/classify", "POST /api/consultant/cases/KUM-2026-00001/reply")) {
            String head = route + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + adminToken + "\r\nContent-Length: 2000000\r\n\r\n";
            // 100 kB of the 2 MB announced, then nothing more: an answer proves the rest was never waited for.
            RawAnswer answer = raw(head, out -> out.write(("{\"session\":\"hostile-oversized-001\",\"text\":\""
                    + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
            assertEquals(413, answer.status(), route + ": " + answer.text());
            assertThat(answer.body()).as(route).contains("terlalu besar");
        }
    }

    @Test
    void a_body_that_never_ends_is_cut_off_with_413() {
        String head = "POST /api/chat/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        AtomicLong sent = new AtomicLong();
        RawAnswer answer = raw(head, out -> {
            byte[] chunk = ("2000\r\n" + "y".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            // Up to 64 MB, in a thread of its own: the server must answer long before (it stops reading at 64 kB).
            for (int i = 0; i < 8_192 && !Thread.currentThread().isInterrupted(); i++) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        });
        assertEquals(413, answer.status(), answer.text());
        assertThat(sent.get()).as("bytes written before the answer").isLessThan(64L * 1024 * 1024);
    }

    // ---- malformed and incomplete JSON ---------------------------------------------------------------------

    @Test
    void every_route_that_reads_json_refuses_malformed_and_incomplete_bodies_with_400_in_indonesian() {
        String number = new WebChatUser(http, "hostile-malformed-case-01").openCase("Dewi Lestari", "halal");
        List<String> routes = new ArrayList<>();
        for (HttpServer.Endpoint endpoint : app.endpoints()) {
            if (endpoint.path().startsWith("/api/") && !endpoint.method().equals("GET") && readsJson(endpoint.path())) {
                routes.add(endpoint.method() + " " + endpoint.path().replace("{key}", "legal.nib.cost")
                        .replace("{number}", number).replace("{group}", "tanpa-teks"));
            }
        }
        assertThat(routes).contains("POST /api/chat/messages", "PUT /api/admin/faq/legal.nib.cost",
                "POST /api/consultant/cases/" + number + "/reply", "POST /api/consultant/cases/" + number + "/status");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String body : List.of("{not json", "{\"text\": \"tidak selesai", "[1, 2]", "\"teks\"", "null", "")) {
                HttpJson.Response response = admin.send(method, path, body);
                assertError(response, 400);
            }
        }
        long stored = Sql.count(databaseUrl, "SELECT count(*) FROM messages");
        assertError(http.post("/api/chat/messages", "{\"session\": \"hostile-missing-fields-01\"}"), "salah satu");
        assertError(http.post("/api/chat/messages", "{\"text\": \"halo\"}"), "\"session\" belum diisi");
        assertError(http.post("/api/chat/messages", "{\"session\": 12345678901234567890, \"text\": \"halo\"}"), "harus berupa teks");
        assertError(http.post("/api/chat/messages", "{\"session\": \"hostile-missing-fields-01\", \"text\": {\"$ne\": 1}}"), "harus berupa teks");
        assertError(admin.send("PUT", "/api/admin/faq/legal.nib.cost", "{\"title\": \"Tanpa versi\"}"), "\"version\"");
        assertError(admin.send("PUT", "/api/admin/faq/legal.nib.cost", "{\"version\": 99999999999}"), "\"version\"");
        assertError(admin.postJson("/api/admin/faq/legal.nib.cost/restore", Map.of("version", -1)), 400);
        HttpJson.Response status = siti.postJson("/api/consultant/cases/" + number + "/status", Map.of("status", "'; DROP TABLE cases; --"));
        assertEquals(409, status.status(), status.body());
        assertThat(status.json().get("message").asText()).isEqualTo("Status itu tidak dikenal.");
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages")).as("nothing was stored").isEqualTo(stored);
        assertThat(Sql.row(databaseUrl, "SELECT status FROM cases WHERE number = '" + number + "'")).containsEntry("status", "assigned");
    }

    /** The JSON routes that read a body (claiming, dismissing and retraining take none). */
    private static boolean readsJson(String path) {
        return !path.endsWith("/claim") && !path.endsWith("/dismiss") && !path.endsWith("/retrain")
                && !path.endsWith("/telegram/code");
    }

    // ---- numbers out of range ------------------------------------------------------------------------------

    @Test
    void numbers_out_of_range_are_refused_or_find_nothing_never_a_server_error() {
        String session = "hostile-out-of-range-01";
        ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start")));
        for (String after : List.of("-1", "99999999999999999999", "1e3", "0x10", "%00", "1;DROP")) {
            assertError(http.get("/api/chat/messages?session=" + session + "&after=" + after), "\"after\"");
        }
        assertThat(ok(http.get("/api/chat/messages?session=" + session + "&after=" + Long.MAX_VALUE)).get("messages")).isEmpty();
        for (String limit : List.of("0", "201", "-5", "2147483648", "abc")) {
            assertError(http.get("/api/chat/history?session=" + session + "&limit=" + limit), "\"limit\"");
        }
        assertError(http.get("/api/chat/history?session=" + "a".repeat(65)), "\"session\"");
        assertError(http.get("/api/chat/history?session=%27%3B%20DROP%20TABLE%20chats%3B--%20xxxxxxxxxx"), "\"session\"");

        for (String path : List.of("/api/consultant/cases/KUM-2026-99999/messages", "/api/consultant/cases/KUM-9999999999/messages",
                "/api/consultant/cases/%27%20OR%201%3D1/messages", "/api/consultant/cases/KUM-2026-00001/files/99999999999999999999",
                "/api/consultant/cases/KUM-2026-00001/files/-1", "/api/admin/faq/%27%20OR%201%3D1", "/api/admin/faq/" + "x".repeat(300))) {
            assertError(admin.get(path), 404);
        }
        assertThat(ok(admin.post("/api/admin/inbox/99999999999999999999/dismiss", "{}")).get("closed").asInt()).isZero();
    }

    // ---- long and odd texts --------------------------------------------------------------------------------

    @Test
    void a_text_of_ten_thousand_characters_is_refused_clearly_and_odd_characters_are_kept_as_typed() {
        String session = "hostile-odd-characters-01";
        WebChatUser user = new WebChatUser(http, session);
        user.say("/start");
        user.press("consent:yes");
        long before = Sql.count(databaseUrl, "SELECT count(*) FROM messages");

        assertThat(assertError(http.postJson("/api/chat/messages", Map.of("session", session, "text", "ab".repeat(5_000))), 400))
                .contains("terlalu panjang", "4000");
        assertThat(assertError(http.postJson("/api/chat/messages", Map.of("session", session, "text", "😀".repeat(4_001))), 400))
                .as("counted in characters, not UTF-16 units").contains("terlalu panjang");
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages")).isEqualTo(before);

        String typed = ODD + " " + SQL + " " + MARKUP + " bel\u0007 esc\u001B[31m nul\u0000 akhir";
        String expected = ODD + " " + SQL + " " + MARKUP + " bel esc[31m nul akhir";
        String longest = "📦".repeat(1_000) + "k".repeat(3_000);
        user.say(typed);
        user.say(longest);

        List<String> userTexts = new ArrayList<>();
        ok(http.get("/api/chat/history?session=" + session)).get("messages").forEach(m -> {
            if (m.get("from").asText().equals("user")) {
                userTexts.add(m.get("text").asText());
            }
        });
        assertThat(userTexts).endsWith(expected, longest);
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM chats")).as("the SQL was only text").isPositive();
    }

    @Test
    void the_forms_fields_refuse_markup_in_names_and_keep_other_text_without_invisible_characters() {
        WebChatUser user = new WebChatUser(http, "hostile-intake-fields-01");
        user.say("/start");
        user.press("consent:yes");
        user.press("consult:start");
        assertThat(user.say("Dewi " + MARKUP)).contains("Mohon tulis nama");
        assertThat(user.say("Dewi\u200B \u202ELestari\u202C\u0007 👩‍🍳")).contains("Mohon tulis nama dengan huruf saja");
        assertThat(user.say("D\u200Bewi \u2067Lestari\u2069\u0007")).contains("nama usaha");
        user.say(BUSINESS);
        user.say("sambal <b>pedas</b> 🌶️");
        user.say("Kraksaan");
        user.say("0812 3456 7890");
        user.say("halal");
        user.say("Mau daftar halal\u200B \u202Eبسم\u202C " + MARKUP);
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("KUM-\\d{4}-\\d{5}")
                .matcher(user.press(user.payloadStartingWith("intake:send:")));
        assertThat(number.find()).as(user.text()).isTrue();

        assertThat(Sql.row(databaseUrl, "SELECT full_name, business_name, product, description FROM cases WHERE number = '"
                + number.group() + "'"))
                .containsEntry("full_name", "Dewi Lestari")
                .containsEntry("business_name", BUSINESS)
                .containsEntry("product", "sambal <b>pedas</b> 🌶️")
                .containsEntry("description", "Mau daftar halal بسم " + MARKUP);
    }

    // ---- forged buttons ------------------------------------------------------------------------------------

    @Test
    void a_rating_button_naming_someone_elses_case_is_refused_and_changes_nothing() {
        WebChatUser owner = new WebChatUser(http, "hostile-rating-owner-001");
        String number = owner.openCase("Sri Wahyuni", "halal");
        ok(siti.postJson("/api/consultant/cases/" + number + "/claim", Map.of()));
        ok(siti.postJson("/api/consultant/cases/" + number + "/status", Map.of("status", "resolved")));

        WebChatUser stranger = new WebChatUser(http, "hostile-rating-stranger-01");
        stranger.say("/start");
        stranger.press("consent:yes");
        assertThat(stranger.press("rating:star:" + number + ":1")).contains("tombol itu sudah tidak berlaku");
        assertThat(stranger.say("Pelayanannya buruk sekali")).doesNotContain("sudah kami catat");
        assertThat(stranger.press("case:claim:" + number)).contains("hanya untuk petugas");
        assertThat(stranger.press("rating:star:KUM-2026-99999:5")).contains("tombol itu sudah tidak berlaku");
        assertThat(Sql.row(databaseUrl, "SELECT status, rating, rating_comment FROM cases WHERE number = '" + number + "'"))
                .containsEntry("status", "resolved").containsEntry("rating", null).containsEntry("rating_comment", null);

        assertThat(owner.press("rating:star:" + number + ":5")).contains("5 dari 5");
        assertThat(owner.press("rating:star:" + number + ":1")).as("a stale second press").contains("sudah kami terima");
        assertThat(Sql.row(databaseUrl, "SELECT rating FROM cases WHERE number = '" + number + "'")).containsEntry("rating", 5);
    }

    // ---- logging in ----------------------------------------------------------------------------------------

    /** Last: it uses up this address's login attempts, which the header check needs one of. */
    @Test
    @Order(Integer.MAX_VALUE)
    void login_attempts_from_one_address_are_refused_with_429_once_it_used_its_twenty_a_minute() throws Exception {
        // At once, as a script would: the limit is taken before the password is checked, so the attempts over it
        // are refused at once (and the test waits only for twenty password checks).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                String name = "tidak-ada-" + i;
                attempts.add(pool.submit(() -> new StaffSession(app.httpPort()).login(name, "salah-sekali")));
            }
            List<Integer> statuses = new ArrayList<>();
            String refused = null;
            for (var attempt : attempts) {
                var response = attempt.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    refused = response.body();
                }
            }
            assertThat(statuses).containsOnly(401, 429);
            // Twenty a minute, one back every 3 s: the header check's login took one a moment before (19 left when it
            // ran just before this test), and a slow run may get one or two back meanwhile.
            assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isBetween(19L, 22L);
            assertThat(refused).contains("Terlalu banyak percobaan masuk dari alamat ini");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- headers -------------------------------------------------------------------------------------------

    @Test
    void every_page_sends_the_security_headers_and_personal_ones_are_never_cached() {
        StaffSession staff = new StaffSession(app.httpPort());
        assertThat(staff.login("kepala", TestStaff.PASSWORD).statusCode()).isEqualTo(302);
        String session = "hostile-headers-session-01";
        ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start")));

        List<String> checked = new ArrayList<>();
        for (HttpServer.Endpoint endpoint : app.endpoints()) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            String path = endpoint.path().replace("{key}", "legal.nib.cost").replace("{group}", "tanpa-teks")
                    .replace("{number}", "KUM-2026-99999").replace("{message}", "1")
                    + (endpoint.path().startsWith("/api/chat/") ? "?session=" + session : "");
            java.net.http.HttpHeaders headers = path.startsWith("/api/") ? admin.get(path).headers()
                    : path.startsWith("/admin") || path.startsWith("/consultant") ? staff.get(path).headers()
                    : http.getPage(path).headers();
            assertStrict(path, headers);
            if (path.startsWith("/api/") || path.startsWith("/admin") || path.startsWith("/consultant")) {
                assertThat(headers.firstValue("Cache-Control")).as(path).hasValue("no-store");
            }
            checked.add(path);
        }
        assertThat(checked).contains("/chat", "/privasi", "/api/chat/history?session=" + session, "/admin", "/admin/faq",
                "/admin/kotak-masuk", "/admin/reports", "/consultant", "/consultant/cases/KUM-2026-99999", "/admin/login");
        for (String path : List.of("/assets/chat.js", "/tidak-ada")) {
            assertStrict(path, http.getPage(path).headers());
        }
    }

    private static void assertStrict(String path, java.net.http.HttpHeaders headers) {
        String policy = headers.firstValue("Content-Security-Policy").orElse("").toLowerCase(Locale.ROOT);
        assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }

    // ---- message ids ---------------------------------------------------------------------------------------

    @Test
    void the_message_ids_a_chat_sees_count_its_own_messages_and_nothing_of_other_chats() {
        String mine = "hostile-ids-mine-000001";
        String busy = "hostile-ids-busy-000001";
        List<Long> seen = new ArrayList<>();
        for (String text : List.of("/start", "/menu", "halo", "/menu")) {
            ok(http.postJson("/api/chat/messages", Map.of("session", mine, "text", text))).get("messages")
                    .forEach(m -> seen.add(m.get("id").asLong()));
            // Meanwhile another chat talks a lot.
            for (int i = 0; i < 3; i++) {
                ok(http.postJson("/api/chat/messages", Map.of("session", busy, "text", "/menu")));
            }
        }
        List<Long> history = new ArrayList<>();
        ok(http.get("/api/chat/history?session=" + mine)).get("messages").forEach(m -> history.add(m.get("id").asLong()));
        long count = Sql.count(databaseUrl, "SELECT count(*) FROM messages m JOIN chats c ON c.id = m.chat_id "
                + "WHERE c.external_id = '" + mine + "'");

        // Both directions are numbered 1, 2, 3, ... within the chat: no gap where the other chat's messages went.
        assertThat(history).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
        assertThat(history).containsAll(seen);
        List<Long> fetched = new ArrayList<>();
        ok(http.get("/api/chat/messages?session=" + mine + "&after=0")).get("messages").forEach(m -> fetched.add(m.get("id").asLong()));
        assertThat(fetched).containsExactlyElementsOf(seen);
        assertThat(ok(http.get("/api/chat/messages?session=" + mine + "&after=" + seen.get(seen.size() - 2))).get("messages"))
                .hasSize(1);
    }

    // ---- raw requests --------------------------------------------------------------------------------------

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private record RawAnswer(String head, String body) {
        int status() {
            return head.isEmpty() ? -1 : Integer.parseInt(head.split(" ", 3)[1]);
        }

        String text() {
            return head + "\r\n\r\n" + body;
        }
    }

    /**
     * Sends {@code head}, then the body from a thread of its own (it may never end, or stop without ending), and
     * reads the answer: it must come within 10 seconds, however much of the body is still unsent.
     */
    private static RawAnswer raw(String head, BodyWriter body) {
        try (Socket socket = new Socket("127.0.0.1", app.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed: the rest is not read, as it should be.
                }
            }, "hostile-body-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                InputStream in = socket.getInputStream();
                String answer = readAnswer(in);
                int split = answer.indexOf("\r\n\r\n");
                return split < 0 ? new RawAnswer(answer, "") : new RawAnswer(answer.substring(0, split), answer.substring(split + 4));
            } finally {
                writer.interrupt();
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s: the server waited for the body", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The head and as much of the body as its Content-Length says (the connection may stay open). */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            text.append((char) c);
            if (text.length() >= 4 && text.substring(text.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String head = text.toString();
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
