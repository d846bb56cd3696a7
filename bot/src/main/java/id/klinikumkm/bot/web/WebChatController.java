package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.InboundMessage;
import id.klinikumkm.bot.conversation.OutboundMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The web chat's JSON API, a public contract:
 * <pre>
 * POST /api/chat/messages {"session": "...", "text": "..."} or {"session": "...", "button": "payload"}
 *   -> 200 {"messages": [{"id": 1, "text": "...", "buttons": [{"label": "...", "payload": "..."}]}]}
 * GET  /api/chat/messages?session=...&amp;after=ID -> the same shape, messages newer than ID
 * </pre>
 */
public final class WebChatController implements Routes {
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_PAYLOAD_CHARS = 200;
    private static final int FETCH_LIMIT = 100;

    private final ConversationEngine engine;
    private final ObjectMapper json;
    private final AppConfig.Chat config;
    private final ChatRateLimiter limiter;

    public WebChatController(ConversationEngine engine, ObjectMapper json, AppConfig.Chat config) {
        this.engine = engine;
        this.json = json;
        this.config = config;
        this.limiter = new ChatRateLimiter(config.messagesPerMinutePerSession(), config.messagesPerMinutePerAddress());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/chat/messages", this::send);
        routes.get("/api/chat/messages", this::fetch);
    }

    private void send(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body());
        ChatKey chat = chatKey(JsonBody.string(body, "session"));
        limiter.check(chat.externalId(), clientAddress(ctx));
        String text = JsonBody.string(body, "text");
        String button = JsonBody.string(body, "button");
        if ((text == null) == (button == null)) {
            throw ApiException.badRequest("Send exactly one of \"text\" or \"button\".");
        }
        InboundMessage message;
        if (text != null) {
            if (text.isBlank()) {
                throw ApiException.badRequest("\"text\" is empty.");
            }
            if (text.codePointCount(0, text.length()) > config.maxTextChars()) {
                throw ApiException.badRequest("\"text\" is longer than " + config.maxTextChars() + " characters.");
            }
            message = InboundMessage.text(chat, text);
        } else {
            if (button.isEmpty() || button.length() > MAX_PAYLOAD_CHARS) {
                throw ApiException.badRequest("\"button\" must be 1 to " + MAX_PAYLOAD_CHARS + " characters.");
            }
            message = InboundMessage.button(chat, button);
        }
        ctx.json(render(engine.handle(message)));
    }

    private void fetch(Context ctx) {
        ChatKey chat = chatKey(ctx.queryParam("session"));
        long after = parseAfter(ctx.queryParam("after"));
        ctx.json(render(engine.messagesAfter(chat, after, FETCH_LIMIT)));
    }

    /** The client's address; behind a trusted reverse proxy, the first address of X-Forwarded-For. */
    private String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (config.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].strip();
        }
        return ctx.ip();
    }

    private static ChatKey chatKey(String session) {
        if (session == null || session.isEmpty()) {
            throw ApiException.badRequest("\"session\" is missing.");
        }
        if (!SESSION.matcher(session).matches()) {
            throw ApiException.badRequest("\"session\" must be 16-64 characters of A-Z a-z 0-9 _ -.");
        }
        return new ChatKey(Channel.WEB, session);
    }

    private static long parseAfter(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after);
            if (value < 0) {
                throw ApiException.badRequest("\"after\" must be a message id (0 or more).");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("\"after\" must be a message id (0 or more).");
        }
    }

    private static MessageList render(List<OutboundMessage> messages) {
        return new MessageList(messages.stream().map(WebChatController::render).toList());
    }

    private static MessageJson render(OutboundMessage message) {
        return new MessageJson(message.id(), message.text(),
                message.buttons().stream().map(b -> new ButtonJson(b.label(), b.payload())).toList());
    }

    record MessageList(List<MessageJson> messages) {}

    record MessageJson(long id, String text, List<ButtonJson> buttons) {}

    record ButtonJson(String label, String payload) {}
}
