package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.ClientAddress;
import id.klinikumkm.bot.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.InboundMessage;
import id.klinikumkm.bot.conversation.OutboundMessage;
import id.klinikumkm.bot.conversation.RichText;
import id.klinikumkm.bot.conversation.TranscriptEntry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The web chat's JSON API, a public contract:
 * <pre>
 * POST /api/chat/messages {"session": "...", "text": "..."} or {"session": "...", "button": "payload"}
 *   -> 200 {"messages": [{"id": 1, "from": "bot", "text": "...", "buttons": [{"label": "...", "payload": "..."}]}]}
 * GET  /api/chat/messages?session=...&amp;after=ID -> the same shape, messages newer than ID
 * GET  /api/chat/history?session=...&amp;limit=N
 *   -> 200 {"messages": [{"id": 1, "from": "user", "text": "...", "buttons": []}, ...]}  (oldest first)
 * </pre>
 * Bot texts are returned as plain text ({@link RichText#plain}); every refusal is 400 {@code {"error": "..."}}
 * in Indonesian.
 */
public final class WebChatController implements Routes {
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_PAYLOAD_CHARS = 200;
    private static final int FETCH_LIMIT = 100;
    private static final int HISTORY_DEFAULT_LIMIT = 50;
    private static final int HISTORY_MAX_LIMIT = 200;
    private static final String AFTER_MESSAGE = "\"after\" harus nomor pesan (0 atau lebih).";
    private static final String LIMIT_MESSAGE =
            "\"limit\" harus bilangan bulat dari 1 sampai " + HISTORY_MAX_LIMIT + ".";

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
        routes.get("/api/chat/history", this::history);
    }

    private void send(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body());
        ChatKey chat = chatKey(JsonBody.string(body, "session"));
        limiter.check(chat.externalId(), ClientAddress.of(ctx, config.trustForwardedFor()));
        String text = JsonBody.string(body, "text");
        String button = JsonBody.string(body, "button");
        if ((text == null) == (button == null)) {
            throw ApiException.badRequest("Kirim salah satu saja: \"text\" atau \"button\".");
        }
        InboundMessage message;
        if (text != null) {
            if (text.isBlank()) {
                throw ApiException.badRequest("Pesan kosong. Mohon tulis pertanyaan Bapak/Ibu.");
            }
            if (text.codePointCount(0, text.length()) > config.maxTextChars()) {
                throw ApiException.badRequest("Pesan terlalu panjang: paling banyak " + config.maxTextChars() + " karakter.");
            }
            message = InboundMessage.text(chat, text);
        } else {
            if (button.isEmpty() || button.length() > MAX_PAYLOAD_CHARS) {
                throw ApiException.badRequest("\"button\" harus 1 sampai " + MAX_PAYLOAD_CHARS + " karakter.");
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

    /** The conversation so far in both directions, oldest first, for a page that is opened again. */
    private void history(Context ctx) {
        ChatKey chat = chatKey(ctx.queryParam("session"));
        int limit = parseLimit(ctx.queryParam("limit"));
        ctx.json(new HistoryList(engine.history(chat, limit).stream().map(WebChatController::render).toList()));
    }


    private static ChatKey chatKey(String session) {
        if (session == null || session.isEmpty()) {
            throw ApiException.badRequest("\"session\" belum diisi.");
        }
        if (!SESSION.matcher(session).matches()) {
            throw ApiException.badRequest("\"session\" harus 16-64 karakter dari A-Z a-z 0-9 _ -.");
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
                throw ApiException.badRequest(AFTER_MESSAGE);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(AFTER_MESSAGE);
        }
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return HISTORY_DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value < 1 || value > HISTORY_MAX_LIMIT) {
                throw ApiException.badRequest(LIMIT_MESSAGE);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(LIMIT_MESSAGE);
        }
    }

    private static MessageList render(List<OutboundMessage> messages) {
        return new MessageList(messages.stream().map(WebChatController::render).toList());
    }

    private static MessageJson render(OutboundMessage message) {
        return new MessageJson(message.id(), message.author(), RichText.plain(message.text()), buttons(message.buttons()));
    }

    /** What the user typed stays as typed; bot and consultant texts lose their markup. */
    private static HistoryJson render(TranscriptEntry entry) {
        String text = "user".equals(entry.author()) ? entry.text() : RichText.plain(entry.text());
        return new HistoryJson(entry.id(), entry.author(), text, buttons(entry.buttons()));
    }

    private static List<ButtonJson> buttons(List<Button> buttons) {
        return buttons.stream().map(b -> new ButtonJson(b.label(), b.payload())).toList();
    }

    record MessageList(List<MessageJson> messages) {}

    /** @param from {@code bot} or {@code consultant} */
    record MessageJson(long id, String from, String text, List<ButtonJson> buttons) {}

    record ButtonJson(String label, String payload) {}

    record HistoryList(List<HistoryJson> messages) {}

    /** @param from {@code user}, {@code bot} or {@code consultant} */
    record HistoryJson(long id, String from, String text, List<ButtonJson> buttons) {}
}
