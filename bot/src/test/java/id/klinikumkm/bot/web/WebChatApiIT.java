package id.klinikumkm.bot.web;

import static id.klinikumkm.bot.testing.ApiAssertions.assertError;
import static id.klinikumkm.bot.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
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
    private static Application app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.embedded().freshDatabaseUrl());
        http = new HttpJson(app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void start_shows_the_menu_and_a_topic_button_answers() {
        String session = "start-menu-session-0001";
        JsonNode welcome = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start")));
        JsonNode first = welcome.get("messages").get(0);
        assertThat(first.get("text").asText()).contains("Klinik Konsultasi Usaha Mikro");
        assertThat(labels(first)).containsExactly("Legalitas", "Kemasan & Label", "Sertifikasi Halal", "Konsultasi dengan Petugas");

        String halalPayload = first.get("buttons").get(2).get("payload").asText();
        JsonNode answer = ok(http.postJson("/api/chat/messages", Map.of("session", session, "button", halalPayload)));
        assertThat(answer.get("messages").get(0).get("text").asText()).contains("Sertifikasi Halal");
        assertThat(answer.get("messages").get(0).get("id").asLong()).isGreaterThan(first.get("id").asLong());
    }

    @Test
    void later_messages_are_fetched_after_the_last_seen_id() {
        String session = "fetch-after-session-0001";
        long firstId = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", "/menu")))
                .get("messages").get(0).get("id").asLong();
        ok(http.postJson("/api/chat/messages", Map.of("session", session, "button", "topic:legal")));

        JsonNode all = ok(http.get("/api/chat/messages?session=" + session + "&after=0"));
        JsonNode newer = ok(http.get("/api/chat/messages?session=" + session + "&after=" + firstId));

        assertEquals(2, all.get("messages").size());
        assertEquals(1, newer.get("messages").size());
        assertThat(newer.get("messages").get(0).get("text").asText()).contains("Legalitas Usaha");
        assertEquals(0, ok(http.get("/api/chat/messages?session=other-session-000000001&after=0")).get("messages").size());
    }

    @Test
    void bad_requests_get_400_with_a_json_error() {
        assertError(http.post("/api/chat/messages", ""), "empty");
        assertError(http.post("/api/chat/messages", "{not json"), "not valid JSON");
        assertError(http.post("/api/chat/messages", "[1,2]"), "JSON object");
        assertError(http.postJson("/api/chat/messages", Map.of("text", "halo")), "session");
        assertError(http.postJson("/api/chat/messages", Map.of("session", "short", "text", "halo")), "16-64");
        assertError(http.postJson("/api/chat/messages", Map.of("session", "has spaces in it oh no", "text", "halo")), "16-64");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION)), "exactly one");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "a", "button", "menu")), "exactly one");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "   ")), "empty");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", 42)), "string");
        assertError(http.postJson("/api/chat/messages", Map.of("session", SESSION, "text", "x".repeat(4001))), "4000");
        assertError(http.get("/api/chat/messages"), "session");
        assertError(http.get("/api/chat/messages?session=" + SESSION + "&after=-1"), "after");
        assertError(http.get("/api/chat/messages?session=" + SESSION + "&after=abc"), "after");
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
    void oversized_body_is_refused() {
        var response = http.postExpectingContinue("/api/chat/messages",
                "{\"session\":\"" + SESSION + "\",\"text\":\"" + "x".repeat(200_000) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asText()).contains("65536 bytes");
    }

    @Test
    void unknown_api_path_is_a_json_404() {
        var response = http.get("/api/nothing-here");
        assertEquals(404, response.status());
        assertThat(response.json().get("error").asText()).containsIgnoringCase("not found");
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
                .contains("klinik_nlu_decisions_total{decision=\"fallback\"}").contains("klinik_outbox_pending")
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


    private static List<String> labels(JsonNode message) {
        List<String> labels = new ArrayList<>();
        message.get("buttons").forEach(b -> labels.add(b.get("label").asText()));
        return labels;
    }
}
