package id.klinikumkm.bot.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbound side of the bench: a small in-process Bot API that answers every method the service calls with
 * {@code ok: true} at once (so sending is never slower than the service makes it), and records each
 * {@code sendMessage}'s chat, text and arrival time. Modelled on the tests' FakeBotApi, without its failure
 * injection and long polling.
 */
final class FakeTelegramApi implements AutoCloseable {
    static final long BOT_ID = 7_000_000_001L;

    /**
     * One sendMessage as it arrived.
     *
     * @param lastPart true when it carried a reply_markup, which the service sends only with the last part of a
     *                 stored message (an inline keyboard, or the removal of the reply keyboard)
     */
    record SentMessage(String chatId, String text, boolean lastPart, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Javalin app;
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicLong otherCalls = new AtomicLong();
    private final List<SentMessage> sent = new ArrayList<>();

    private FakeTelegramApi() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.setStopTimeout(0));
            config.routes.post("/{bot}/{method}", this::handle);
            config.routes.get("/{bot}/{method}", this::handle);
        });
        app.start("127.0.0.1", 0);
    }

    static FakeTelegramApi start() {
        return new FakeTelegramApi();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Every sendMessage so far, in arrival order. */
    List<SentMessage> sentMessages() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Calls other than sendMessage (typing indicators, callback answers, webhook set-up). */
    long otherCalls() {
        return otherCalls.get();
    }

    private void handle(Context ctx) throws JsonProcessingException {
        // TelegramBots spells some methods in lower case in the path (sendmessage); the Bot API ignores the case.
        String method = ctx.pathParam("method").toLowerCase(java.util.Locale.ROOT);
        Map<String, String> params = params(ctx);
        ObjectNode body = NODES.objectNode().put("ok", true);
        switch (method) {
            case "getme" -> body.set("result", NODES.objectNode().put("id", BOT_ID).put("is_bot", true)
                    .put("first_name", "Klinik UMKM").put("username", "klinik_umkm_bench_bot"));
            case "sendmessage" -> body.set("result", record(params));
            case "getwebhookinfo" -> body.set("result", NODES.objectNode().put("url", "")
                    .put("has_custom_certificate", false).put("pending_update_count", 0));
            default -> {
                otherCalls.incrementAndGet();
                body.put("result", true);
            }
        }
        ctx.contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private ObjectNode record(Map<String, String> params) {
        String chatId = params.getOrDefault("chat_id", "0");
        String text = params.getOrDefault("text", "");
        synchronized (sent) {
            sent.add(new SentMessage(chatId, text, params.containsKey("reply_markup"), Instant.now()));
        }
        ObjectNode message = NODES.objectNode().put("message_id", nextMessageId.getAndIncrement())
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("chat", NODES.objectNode().put("id", Long.parseLong(chatId)).put("type", "private"));
        message.set("from", NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Klinik UMKM"));
        return message;
    }

    /** Parameters from the query string and a form, multipart or JSON body, as the Bot API takes them. */
    private static Map<String, String> params(Context ctx) throws JsonProcessingException {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> params.put(name, values.get(values.size() - 1)));
        if (ctx.isMultipartFormData() || ctx.isFormUrlencoded()) {
            ctx.formParamMap().forEach((name, values) -> params.put(name, values.get(values.size() - 1)));
        } else if (ctx.body().stripLeading().startsWith("{")) {
            JSON.readValue(ctx.body(), new TypeReference<Map<String, Object>>() {})
                    .forEach((name, value) -> params.put(name, value instanceof String text ? text : String.valueOf(value)));
        }
        return params;
    }

    @Override
    public void close() {
        app.stop();
    }
}
