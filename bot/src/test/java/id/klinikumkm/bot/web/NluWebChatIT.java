package id.klinikumkm.bot.web;

import static id.klinikumkm.bot.testing.ApiAssertions.assertError;
import static id.klinikumkm.bot.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed questions in the web chat, on the whole service with the repository's trained model: answered,
 * asked back ("Maksud Anda ...?"), or answered with the menu and the consultant offer; plus the classify API.
 */
class NluWebChatIT {
    /** One-word questions: NIB cost, requirements or registration? Halal or NIB requirements? At least one is torn. */
    private static final List<String> VAGUE = List.of("nib", "syarat", "nib halal", "sertifikat", "halal", "izin");

    private static String databaseUrl;
    private static Application app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(databaseUrl);
        // The classify API is for staff: the test calls everything with an admin's API token.
        http = new HttpJson(app.httpPort()).withBearer(TestStaff.token(databaseUrl, "admin-test", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_topic_question_is_answered_with_its_intent() {
        JsonNode reply = say("nlu-answer-session-00001", "kak, cara daftar NIB lewat OSS gimana ya?");

        assertThat(reply.get("text").asText()).startsWith("Cara membuat NIB").contains("Cek resmi: oss.go.id");
        assertThat(payloads(reply)).contains("faq:vote:legal.nib.register:1:up", "faq:vote:legal.nib.register:1:down",
                ConversationEngine.CONSULTANT, ConversationEngine.MENU);
        assertThat(unanswered("nlu-answer-session-00001")).isEmpty();

        ok(http.postJson("/api/chat/messages", Map.of("session", "nlu-answer-session-00001", "button", "faq:vote:legal.nib.register:1:down")));
        assertThat(unanswered("nlu-answer-session-00001")).containsExactly("unhelpful");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("klinik_faq_answers_total{key=\"legal.nib.register\"} 1.0")
                .contains("klinik_faq_votes_total{key=\"legal.nib.register\",vote=\"unhelpful\"} 1.0");
    }

    @Test
    void a_question_between_two_close_topics_is_asked_back_with_the_topics_as_buttons() {
        String session = "nlu-clarify-session-0001";
        String vague = VAGUE.stream().filter(text -> "clarify".equals(classify(text).get("decision").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("none of " + VAGUE + " was found ambiguous"));
        JsonNode classified = classify(vague);

        JsonNode reply = say(session, vague);

        assertThat(reply.get("text").asText()).startsWith("Maksud Bapak/Ibu");
        List<String> offered = payloads(reply).stream().filter(p -> p.startsWith("intent:")).toList();
        assertThat(offered).hasSizeBetween(1, 3).contains("intent:show:" + classified.get("top").get(0).get("intent").asText());
        assertThat(payloads(reply)).last().isEqualTo(ConversationEngine.MENU);
        assertThat(unanswered(session)).containsExactly("clarify");

        JsonNode answer = ok(http.postJson("/api/chat/messages", Map.of("session", session, "button", offered.get(0))))
                .get("messages").get(0);
        assertThat(answer.get("text").asText()).startsWith(label(reply, offered.get(0)));
    }

    @Test
    void nonsense_falls_back_to_the_menu_with_the_consultant_offer() {
        String session = "nlu-fallback-session-001";
        JsonNode reply = say(session, "xqzv blorf wibble snark");

        assertThat(reply.get("text").asText()).contains("belum memahami").contains("Petugas");
        assertThat(payloads(reply)).contains(ConversationEngine.CONSULTANT, "faq:topic:legal", "faq:topic:packaging",
                "faq:topic:halal", "faq:topic:other");
        assertThat(unanswered(session)).containsExactly("fallback");

        // Accepting the offer starts the intake, which first asks this chat (no consent yet) to agree to storage.
        JsonNode consultant = ok(http.postJson("/api/chat/messages", Map.of("session", session, "button", ConversationEngine.CONSULTANT)))
                .get("messages");
        assertThat(consultant.get(0).get("text").asText()).contains("Konsultasi dengan Petugas");
        assertThat(consultant.get(1).get("text").asText()).contains("UU No. 27 Tahun 2022", "/privasi");
    }

    @Test
    void greetings_get_a_natural_reply() {
        JsonNode reply = say("nlu-greeting-session-001", "halo kak, selamat pagi");
        assertThat(reply.get("text").asText()).contains("Halo");
        assertThat(payloads(reply)).contains("faq:topic:legal");
    }

    @Test
    void classify_api_returns_the_normalised_text_the_decision_and_the_top_three() {
        JsonNode result = classify("GMN cara bikin P-IRT kak??");
        assertThat(result.get("normalised").asText()).isEqualTo("bagaimana cara buat pirt kakak");
        assertThat(result.get("decision").asText()).isIn("answer", "clarify", "fallback");
        assertEquals(3, result.get("top").size());
        assertEquals("legal.pirt", result.get("top").get(0).get("intent").asText());
        double first = result.get("top").get(0).get("probability").asDouble();
        assertThat(first).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(result.get("top").get(1).get("probability").asDouble());
    }

    @Test
    void classify_api_refuses_bad_input_with_a_json_error() {
        assertError(http.post("/api/admin/nlu/classify", ""), "kosong");
        assertError(http.post("/api/admin/nlu/classify", "{oops"), "bukan JSON");
        assertError(http.post("/api/admin/nlu/classify", "[\"halo\"]"), "objek JSON");
        assertError(http.postJson("/api/admin/nlu/classify", Map.of("teks", "halo")), "\"text\" belum diisi");
        assertError(http.postJson("/api/admin/nlu/classify", Map.of("text", 12)), "harus berupa teks");
        assertError(http.postJson("/api/admin/nlu/classify", Map.of("text", "  ")), "kosong");
        assertError(http.postJson("/api/admin/nlu/classify", Map.of("text", "x".repeat(4001))), "4000");
    }

    private static JsonNode classify(String text) {
        return ok(http.postJson("/api/admin/nlu/classify", Map.of("text", text)));
    }

    private static JsonNode say(String session, String text) {
        JsonNode messages = ok(http.postJson("/api/chat/messages", Map.of("session", session, "text", text))).get("messages");
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }

    /** The decisions stored as unanswered for a web session, oldest first. */
    private static List<String> unanswered(String session) {
        String sql = """
                SELECT u.reason FROM unanswered_questions u JOIN chats c ON c.id = u.chat_id
                WHERE c.channel = 'web' AND c.external_id = ? ORDER BY u.id
                """;
        try (Connection connection = DriverManager.getConnection(databaseUrl);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, session);
            List<String> decisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    decisions.add(rows.getString(1));
                }
            }
            return decisions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> payloads(JsonNode message) {
        List<String> payloads = new ArrayList<>();
        message.get("buttons").forEach(b -> payloads.add(b.get("payload").asText()));
        return payloads;
    }

    private static String label(JsonNode message, String payload) {
        Optional<String> label = Optional.empty();
        for (JsonNode button : message.get("buttons")) {
            if (button.get("payload").asText().equals(payload)) {
                label = Optional.of(button.get("label").asText());
            }
        }
        return label.orElseThrow();
    }
}
