package id.klinikumkm.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One person in the web chat, talking to the whole service over its HTTP API. */
public final class WebChatUser {
    private final HttpJson http;
    private final String session;
    private List<JsonNode> last = List.of();

    /** @param session the browser's session id (20 to 64 letters, digits and dashes) */
    public WebChatUser(HttpJson http, String session) {
        this.http = http;
        this.session = session;
    }

    /** Types {@code text} and returns the replies' texts joined. */
    public String say(String text) {
        return send(Map.of("session", session, "text", text));
    }

    /** Presses a button and returns the replies' texts joined. */
    public String press(String payload) {
        return send(Map.of("session", session, "button", payload));
    }

    private String send(Map<String, String> body) {
        HttpJson.Response response = http.postJson("/api/chat/messages", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().get("messages").forEach(messages::add);
        last = messages;
        return text();
    }

    /** The texts of the last replies, joined by blank lines. */
    public String text() {
        return last.stream().map(message -> message.get("text").asText()).collect(Collectors.joining("\n\n"));
    }

    /** The payloads of the buttons of the last reply. */
    public List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        if (!last.isEmpty()) {
            last.get(last.size() - 1).get("buttons").forEach(button -> payloads.add(button.get("payload").asText()));
        }
        return payloads;
    }

    /** The labels of the buttons of the last reply. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        if (!last.isEmpty()) {
            last.get(last.size() - 1).get("buttons").forEach(button -> labels.add(button.get("label").asText()));
        }
        return labels;
    }

    /** The payload of the last reply's button that starts with {@code prefix}. */
    public String payloadStartingWith(String prefix) {
        return payloads().stream().filter(payload -> payload.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + "* in " + payloads()));
    }

    /**
     * Agrees to storage and walks the consultation form quickly (no business name, Kraksaan, 0812 3456 7890,
     * {@code needs} typed), sends it and returns the case number.
     */
    public String openCase(String name, String needs) {
        say("/start");
        press("consent:yes");
        press("consult:start");
        say(name);
        press("intake:skip");
        say("sambal kemasan");
        say("Kraksaan");
        say("0812 3456 7890");
        say(needs);
        say("Mau daftar halal untuk sambal, mulai dari mana?");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(press(payloadStartingWith("intake:send:")));
        assertThat(number.find()).as(text()).isTrue();
        return number.group();
    }
}
