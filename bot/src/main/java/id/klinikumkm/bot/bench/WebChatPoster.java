package id.klinikumkm.bot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Posts each step to the web chat API ({@code POST /api/chat/messages}, text or button) and checks the answers:
 * an answer without any message is a lost reply, a message id already seen is a duplicated one. Keeps the buttons
 * offered, for a user whose next step presses one the service made up (the intake's send button).
 */
final class WebChatPoster implements LoadTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE_NUMBER = Pattern.compile("KUM-\\d{4}-\\d{5}");

    private final URI uri;
    /** Session and message id: ids are numbers within each chat, so only the pair is unique. */
    private final Set<String> seenMessageIds = ConcurrentHashMap.newKeySet();
    private final LongAdder withoutReply = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final Set<String> sessionsWithCase = ConcurrentHashMap.newKeySet();

    WebChatPoster(String baseUrl) {
        this.uri = URI.create(baseUrl + "/api/chat/messages");
    }

    @Override
    public HttpRequest request(SimulatedUser user) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.body(WebChatPoster::body)))
                .build();
    }

    private static String body(SimulatedUser user) {
        ChatStep step = user.currentStep();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("session", user.webSession());
        if (step.isButton()) {
            body.put("button", user.buttonPayload(step));
        } else {
            body.put("text", step.text());
        }
        return body.toString();
    }

    @Override
    public void answered(SimulatedUser user, String body) {
        try {
            JsonNode messages = JSON.readTree(body).path("messages");
            if (messages.isEmpty()) {
                withoutReply.increment();
            }
            List<String> offered = new ArrayList<>();
            for (JsonNode message : messages) {
                if (!seenMessageIds.add(user.webSession() + "/" + message.path("id").asLong())) {
                    duplicated.increment();
                }
                if (CASE_NUMBER.matcher(message.path("text").asText()).find()) {
                    sessionsWithCase.add(user.webSession());
                }
                message.path("buttons").forEach(button -> offered.add(button.path("payload").asText()));
            }
            user.offered(offered);
        } catch (JsonProcessingException e) {
            withoutReply.increment();
        }
    }

    /** Answers (2xx) that carried no reply message, since this poster was made. */
    long withoutReply() {
        return withoutReply.sum();
    }

    /** Reply messages whose id came back a second time. */
    long duplicated() {
        return duplicated.sum();
    }

    /** Users who got a case number (KUM-YYYY-NNNNN) in a reply: intakes that went all the way. */
    long casesOpened() {
        return sessionsWithCase.size();
    }

    void reset() {
        withoutReply.reset();
        duplicated.reset();
        sessionsWithCase.clear();
    }
}
