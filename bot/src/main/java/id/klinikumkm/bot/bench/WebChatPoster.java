package id.klinikumkm.bot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts each step to the web chat API ({@code POST /api/chat/messages}, text or button) and checks the answers:
 * an answer without any message is a lost reply, a message id already seen is a duplicated one.
 */
final class WebChatPoster implements LoadTarget {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final Set<Long> seenMessageIds = ConcurrentHashMap.newKeySet();
    private final LongAdder withoutReply = new LongAdder();
    private final LongAdder duplicated = new LongAdder();

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
            body.put("button", step.button());
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
            for (JsonNode message : messages) {
                if (!seenMessageIds.add(message.path("id").asLong())) {
                    duplicated.increment();
                }
            }
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

    void reset() {
        withoutReply.reset();
        duplicated.reset();
    }
}
