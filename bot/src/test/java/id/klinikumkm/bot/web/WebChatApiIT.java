package id.klinikumkm.bot.web;

import static id.klinikumkm.bot.testing.ApiAssertions.assertError;
import static id.klinikumkm.bot.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.conversation.RichText;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web chat's public JSON API, over real HTTP, on the whole service. */
class WebChatApiIT {
    private static final String SESSION = "Zt3_k9-PqRsTuVwXyZ012345";
    private static String databaseUrl;
    private static Application app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(databaseUrl);
        http = new HttpJson(app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void start_answers_with_buttons_and_pressing_one_brings_a_newer_message() {
        String session = "start-menu-session-0001";
        JsonNode welcome = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start"))).get("messages");
        assertThat(welcome).isNotEmpty();
        welcome.forEach(WebChatApiIT::assertMessageShape);
        JsonNode offer = newestWithButtons(welcome);

        JsonNode answer = ok(http.postJson("/api/chat/messages",
                Map.of("session", session, "button", offer.get("buttons").get(0).get("payload").asText()))).get("messages");

        assertThat(answer).isNotEmpty();
        answer.forEach(m -> assertThat(m.get("id").asLong()).isGreaterThan(maxId(welcome)));
    }

    @Test
    void later_messages_are_fetched_after_the_last_seen_id() {
        String session = "fetch-after-session-0001";
        JsonNode welcome = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start"))).get("messages");
        JsonNode answer = ok(http.postJson("/api/chat/messages", Map.of("session", session,
                "button", newestWithButtons(welcome).get("buttons").get(0).get("payload").asText()))).get("messages");

        JsonNode all = ok(http.get("/api/chat/messages?session=" + session + "&after=0")).get("messages");
        JsonNode newer = ok(http.get("/api/chat/messages?session=" + session + "&after=" + maxId(welcome))).get("messages");

        assertThat(ids(all)).containsExactlyElementsOf(concat(ids(welcome), ids(answer)));
        assertThat(ids(newer)).containsExactlyElementsOf(ids(answer));
        assertThat(texts(newer)).containsExactlyElementsOf(texts(answer));
        assertEquals(0, ok(http.get("/api/chat/messages?session=other-session-000000001&after=0")).get("messages").size());
    }

    @Test
    void bad_requests_get_400_with_an_indonesian_json_error() {
        assertError(http.post("/api/chat/messages", ""), "kosong");
        assertError(http.post("/api/chat/messages", "{not json"), "bukan JSON");
        assertError(http.post("/api/chat/messages", "[1,2]"), "objek JSON");
        assertError(http.postJson("/api/chat/messages", Map.of("text", "halo")), "session");
        assertError(http.postJson("/api/chat/messages", Map.of("session", "short", "text", "halo")), "16-64");
        assertError(http.postJson("/api/chat/messages", Map.of("session", "has spaces in it oh no", "text", "halo")), "16-64");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION)), "salah satu");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "a", "button", "menu")), "salah satu");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "   ")), "kosong");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", 42)), "teks");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "button", "")), "button");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "x".repeat(4001))),
                "Pesan terlalu panjang: paling banyak 4000 karakter.");
        assertError(http.get("/api/chat/messages"), "session");
        assertError(http.get("/api/chat/messages?session=" + SESSION + "&after=-1"), "after");
        assertError(http.get("/api/chat/messages?session=" + SESSION + "&after=abc"), "after");
    }

    @Test
    void history_refuses_bad_parameters_with_400_in_indonesian() {
        assertError(http.get("/api/chat/history"), "session");
        assertError(http.get("/api/chat/history?session="), "session");
        assertError(http.get("/api/chat/history?session=short"), "16-64");
        assertError(http.get("/api/chat/history?session=bad%20session%20with%20spaces"), "16-64");
        for (String limit : List.of("0", "-1", "201", "abc", "1.5", "99999999999")) {
            assertError(http.get("/api/chat/history?session=" + SESSION + "&limit=" + limit), "limit");
        }
        assertEquals(200, http.get("/api/chat/history?session=" + SESSION + "&limit=200").status());
        assertEquals(200, http.get("/api/chat/history?session=" + SESSION + "&limit=").status());
    }

    @Test
    void history_is_the_conversation_in_both_directions_oldest_first() {
        String session = "history-shape-session-01";
        assertThat(ok(http.get("/api/chat/history?session=" + session)).get("messages")).isEmpty();
        JsonNode welcome = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start"))).get("messages");
        JsonNode pressed = newestWithButtons(welcome).get("buttons").get(0);
        JsonNode answer = ok(http.postJson("/api/chat/messages",
                Map.of("session", session, "button", pressed.get("payload").asText()))).get("messages");

        JsonNode history = ok(http.get("/api/chat/history?session=" + session)).get("messages");

        // "/start", the welcome, the pressed button (shown by its label), the answer; ids in one rising sequence.
        assertEquals(2 + welcome.size() + answer.size(), history.size(), history.toString());
        List<Long> ids = ids(history);
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        history.forEach(entry -> {
            assertThat(entry.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "from", "text", "buttons");
            assertThat(entry.get("from").asText()).isIn("user", "bot", "consultant");
            assertThat(entry.get("buttons").isArray()).isTrue();
            entry.get("buttons").forEach(b -> assertThat(b.fieldNames()).toIterable().containsExactlyInAnyOrder("label", "payload"));
        });
        assertEquals("user", history.get(0).get("from").asText());
        assertEquals("/start", history.get(0).get("text").asText());
        JsonNode press = history.get(1 + welcome.size());
        assertEquals("user", press.get("from").asText());
        assertEquals(pressed.get("label").asText(), press.get("text").asText());
        assertThat(press.get("buttons")).isEmpty();

        List<JsonNode> bots = new ArrayList<>();
        history.forEach(entry -> { if (entry.get("from").asText().equals("bot")) { bots.add(entry); } });
        List<JsonNode> sent = new ArrayList<>();
        welcome.forEach(sent::add);
        answer.forEach(sent::add);
        assertThat(bots.stream().map(b -> b.get("id").asLong()).toList()).containsExactlyElementsOf(sent.stream().map(m -> m.get("id").asLong()).toList());
        assertThat(bots.stream().map(b -> b.get("text").asText()).toList()).containsExactlyElementsOf(sent.stream().map(m -> m.get("text").asText()).toList());
        assertThat(bots.stream().map(b -> b.get("buttons")).toList()).containsExactlyElementsOf(sent.stream().map(m -> m.get("buttons")).toList());

        JsonNode lastTwo = ok(http.get("/api/chat/history?session=" + session + "&limit=2")).get("messages");
        assertThat(ids(lastTwo)).containsExactlyElementsOf(ids.subList(ids.size() - 2, ids.size()));
        assertEquals(0, ok(http.get("/api/chat/history?session=other-history-session-1")).get("messages").size());
    }

    @Test
    void history_returns_the_newest_fifty_by_default_and_at_most_the_limit() {
        String session = "history-limit-session-01";
        ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start")));
        Sql.execute(databaseUrl, """
                INSERT INTO messages (chat_id, direction, author, kind, body)
                SELECT c.id, 'out', 'bot', 'text', 'Pesan uji ' || n
                FROM chats c, generate_series(1, 230) n
                WHERE c.channel = 'web' AND c.external_id = '%s'
                ORDER BY n
                """.formatted(session));

        JsonNode byDefault = ok(http.get("/api/chat/history?session=" + session)).get("messages");
        JsonNode most = ok(http.get("/api/chat/history?session=" + session + "&limit=200")).get("messages");

        assertEquals(50, byDefault.size());
        assertThat(texts(byDefault)).first().isEqualTo("Pesan uji 181");
        assertThat(texts(byDefault)).last().isEqualTo("Pesan uji 230");
        assertEquals(200, most.size());
        assertThat(texts(most)).last().isEqualTo("Pesan uji 230");
    }

    @Test
    void bold_markup_never_reaches_the_web_client() {
        String session = "plain-text-session-00001";
        JsonNode welcome = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start"))).get("messages");
        Sql.execute(databaseUrl, """
                INSERT INTO messages (chat_id, direction, author, kind, body)
                SELECT c.id, 'out', 'consultant', 'text', '**Penting**: daftar NIB di **OSS**, gratis. 2 * 3 = 6'
                FROM chats c WHERE c.channel = 'web' AND c.external_id = '%s'
                """.formatted(session));
        String expected = "Penting: daftar NIB di OSS, gratis. 2 * 3 = 6";

        JsonNode fetched = ok(http.get("/api/chat/messages?session=" + session + "&after=" + maxId(welcome))).get("messages");
        JsonNode history = ok(http.get("/api/chat/history?session=" + session)).get("messages");

        assertThat(texts(fetched)).containsExactly(expected);
        assertEquals(expected, history.get(history.size() - 1).get("text").asText());
        assertEquals("consultant", history.get(history.size() - 1).get("from").asText());
        for (String text : List.of("halo", "cara daftar nib", "/menu")) {
            JsonNode reply = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", text))).get("messages");
            assertThat(texts(reply)).noneMatch(t -> RichText.BOLD.matcher(t).find());
        }
    }

    @Test
    void a_flooding_session_gets_429_with_retry_after_and_other_sessions_are_not_affected() {
        String flood = "flood-session-000000001";
        for (int i = 0; i < 10; i++) {
            ok(http.postJson("/api/chat/messages", Map.of("session", flood, "text", "/menu")));
        }
        var refused = http.postJson("/api/chat/messages", Map.of("session", flood, "text", "/menu"));

        assertEquals(429, refused.status());
        assertThat(refused.json().get("error").asText()).contains("tunggu");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        ok(http.postJson("/api/chat/messages", Map.of("session", "calm-session-0000000001", "text", "/menu")));
    }

    @Test
    void exactly_4000_characters_of_emoji_are_accepted() {
        String text = "🙏".repeat(4000);
        var response = http.postJson("/api/chat/messages", Map.of("session", "emoji-session-00000001", "text", text));
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void odd_unicode_and_html_are_stored_as_plain_text_without_errors() {
        String session = "odd-input-session-000001";
        var response = http.postJson("/api/chat/messages",
                Map.of("session", session, "text", "<script>alert(1)</script>\u0000 Bu Siti \uD800 ‮"));
        assertEquals(200, response.status(), response.body());
        assertThat(response.json().get("messages")).isNotEmpty();
    }

    @Test
    void unknown_api_path_is_a_json_404_in_indonesian() {
        assertThat(assertError(http.get("/api/nothing-here"), 404)).contains("tidak ada");
    }

    @Test
    void unknown_page_is_an_html_404_in_indonesian() {
        var page = http.getPage("/halaman-lama");
        assertEquals(404, page.status());
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Halaman tidak ditemukan", "href=\"/chat\"").doesNotContain("<script");
    }

    @Test
    void health_and_ready_report_up_with_the_version() {
        var health = http.get("/health");
        var ready = http.get("/ready");
        assertEquals(200, health.status());
        assertEquals(200, ready.status());
        assertEquals("up", health.json().get("status").asText());
        assertEquals("up", ready.json().get("database").asText());
        assertThat(ready.json().get("version").asText()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void metrics_show_the_database_jvm_and_question_decisions_but_no_content() {
        ok(http.postJson("/api/chat/messages", Map.of("session", "metrics-session-0000001", "text", "xqzv wibble rahasia")));

        var metrics = http.get("/metrics");

        assertEquals(200, metrics.status());
        assertThat(metrics.body()).contains("klinik_database_up 1.0").contains("jvm_memory_used_bytes")
                .contains("klinik_nlu_decisions_total{decision=\"fallback\",intent=\"").contains("klinik_outbox_pending")
                .doesNotContain("rahasia").doesNotContain("metrics-session");
    }

    @Test
    void chat_page_is_served_with_a_strict_content_security_policy() {
        var page = http.get("/chat");
        assertEquals(200, page.status());
        assertThat(page.body()).contains("<script src=\"/assets/chat.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertEquals(200, http.get("/assets/chat.js").status());
    }


    private static void assertMessageShape(JsonNode message) {
        assertThat(message.get("id").asLong()).isPositive();
        assertThat(message.get("text").asText()).isNotBlank();
        assertThat(message.get("buttons").isArray()).isTrue();
    }

    /** The newest message that offers buttons; fails when none does. */
    private static JsonNode newestWithButtons(JsonNode messages) {
        JsonNode found = null;
        for (JsonNode message : messages) {
            if (message.get("buttons").size() > 0) {
                found = message;
            }
        }
        assertThat(found).as("a message with buttons in %s", messages).isNotNull();
        return found;
    }

    private static long maxId(JsonNode messages) {
        return ids(messages).stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static List<Long> ids(JsonNode messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
