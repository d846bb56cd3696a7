package id.klinikumkm.bot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.conversation.RichText;
import id.klinikumkm.bot.nlu.IntentDataFile;
import id.klinikumkm.bot.nlu.LabelledText;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.RepoFiles;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every held-out test question whose topic has an FAQ entry, asked through the web chat's HTTP API of the
 * whole service: each direct answer is exactly the entry of the topic the classifier chose, each "Maksud
 * Bapak/Ibu ...?" offers entries that answer when pressed, and the labelled entry is reached for at least
 * as many questions as the classifier's quality bar requires.
 */
class FaqWebChatIT {
    /** The same bar as the classifier's in-scope accuracy in IntentModelQualityIT. */
    private static final double MIN_REACHED = 0.92;
    private static Application app;
    private static HttpJson http;
    private static Map<String, FaqEntry> entries;

    @BeforeAll
    static void start() {
        String databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.address.per.minute", "100000")));
        // The classify API is for staff: the test calls everything with an admin's API token.
        http = new HttpJson(app.httpPort()).withBearer(TestStaff.token(databaseUrl, "admin-test", Role.ADMIN));
        entries = SeedFiles.readDirectory(RepoFiles.root().resolve("config/faq")).stream()
                .map(SeedEntry::entry).collect(Collectors.toMap(FaqEntry::key, e -> e));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void every_test_question_with_an_entry_is_answered_with_that_entry() {
        List<LabelledText> questions = IntentDataFile.read(RepoFiles.nlpModels().resolve("intents-id.test")).stream()
                .filter(example -> entries.containsKey(example.intent())).toList();
        assertThat(questions).hasSizeGreaterThan(300);
        int reached = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            LabelledText question = questions.get(i);
            String session = "faq-web-chat-" + String.format("%06d", i) + "-aaaa";
            JsonNode classified = http.postJson("/api/admin/nlu/classify", Map.of("text", question.text())).json();
            String decision = classified.get("decision").asText();
            String top = classified.get("top").get(0).get("intent").asText();
            JsonNode reply = send(Map.of("session", session, "text", question.text())).get(0);
            String answered = switch (decision) {
                case "answer" -> answeredKey(reply, top);
                case "clarify" -> pressOffered(session, reply, question.intent());
                default -> "";
            };
            if (answered.equals(question.intent())) {
                reached++;
            } else {
                missed.add(question.intent() + " <- " + question.text() + " (" + decision + " " + top + ")");
            }
        }
        double share = reached / (double) questions.size();
        System.out.printf("FAQ via web chat: %d of %d test questions reached their entry (%.3f)%n", reached, questions.size(), share);
        assertThat(share).as("share of test questions answered with their entry; missed: %s", missed).isGreaterThanOrEqualTo(MIN_REACHED);
    }

    /** A direct answer must be the chosen topic's entry (small talk and the consultant are not FAQ answers). */
    private static String answeredKey(JsonNode reply, String top) {
        FaqEntry entry = entries.get(top);
        if (entry == null) {
            return "";
        }
        assertThat(reply.get("text").asText()).as("answer to a question about " + top)
                .startsWith(entry.title()).contains(RichText.plain(entry.answer()).lines().findFirst().orElseThrow());
        return top;
    }

    /** Presses the offered topic that matches the label, if offered; the answer must be that entry. */
    private static String pressOffered(String session, JsonNode reply, String label) {
        for (JsonNode button : reply.get("buttons")) {
            if (button.get("payload").asText().equals("intent:show:" + label)) {
                return answeredKey(send(Map.of("session", session, "button", "intent:show:" + label)).get(0), label);
            }
        }
        return "";
    }

    private static JsonNode send(Map<String, String> body) {
        HttpJson.Response response = http.postJson("/api/chat/messages", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("messages");
    }
}
