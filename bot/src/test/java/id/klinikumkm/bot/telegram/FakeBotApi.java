package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * An in-process fake of the Telegram Bot API for tests: the real TelegramBots library talks to it over HTTP.
 *
 * <p>It serves {@code POST|GET /bot{token}/{method}} on a free port of 127.0.0.1, takes parameters from a JSON body,
 * a form-encoded or multipart body (the library sends {@code setWebhook} as multipart) and the query string, and
 * answers with Bot API shaped JSON. Any token is accepted; the bot is always {@link #BOT_ID} /
 * {@link #BOT_USERNAME}.
 *
 * <p>Every request is recorded as a {@link Call}, failed ones included. Updates are queued with
 * {@link #enqueueUpdate(String)} or the typed helpers ({@link #textMessage(long, String)} ...) and served by
 * {@code getUpdates} with the real confirmation rule: an update is delivered again until a {@code getUpdates} with a
 * larger offset confirms it. {@link #updates()} builds the same JSON without queuing it, e.g. to POST it to a webhook
 * route.
 *
 * <p>Thread-safe. {@link #close()} wakes waiting long polls and stops the server.
 */
public final class FakeBotApi implements AutoCloseable {

    /** The bot's user id, in {@code getMe}, in the {@code from} of sent messages and of callback messages. */
    public static final long BOT_ID = 7_000_000_001L;
    public static final String BOT_USERNAME = "klinik_umkm_test_bot";
    public static final String BOT_FIRST_NAME = "Klinik UMKM";
    /** A token with the shape of a real one; the fake accepts any token. */
    public static final String TOKEN = BOT_ID + ":AAFakeTokenForTestsOnly_0123456789abc";
    /** For {@link #failNext}: the failure applies to calls for any chat (and calls without a chat_id). */
    public static final long ANY_CHAT = -1L;
    /** The first name of the user in the typed update helpers. */
    public static final String USER_FIRST_NAME = "Siti";
    public static final Duration DEFAULT_LONG_POLL_CAP = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEFAULT_MAX_CONNECTIONS = 40;
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(2);

    /**
     * One request as the fake saw it.
     *
     * @param method the Bot API method, in its canonical spelling when known ("sendMessage")
     * @param params the parameters (JSON body, form fields and query string merged); JSON numbers are {@code Long},
     *               form fields are strings unless they hold a JSON object or array. Deeply unmodifiable.
     * @param at     when the request arrived
     * @param status the HTTP status the fake answered with (200 for success)
     */
    public record Call(String method, Map<String, Object> params, Instant at, int status) {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(at, "at");
            params = freezeMap(params == null ? Map.of() : params);
        }

        /** True when the fake answered {@code "ok": true}. */
        public boolean ok() {
            return status == 200;
        }

        public Object param(String name) {
            return params.get(name);
        }

        /** The chat_id parameter as a number (the library sends it as a string), or null if absent or not numeric. */
        public Long chatId() {
            return asLong(params.get("chat_id"));
        }

        /** The text parameter, or null. */
        public String text() {
            Object text = params.get("text");
            return text == null ? null : text.toString();
        }

        /** The buttons of an inline keyboard in reply_markup, row by row flattened; empty if there is none. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> inlineButtons() {
            if (!(params.get("reply_markup") instanceof Map<?, ?> markup)
                    || !(markup.get("inline_keyboard") instanceof List<?> rows)) {
                return List.of();
            }
            List<Map<String, Object>> buttons = new ArrayList<>();
            for (Object row : rows) {
                if (row instanceof List<?> cells) {
                    for (Object cell : cells) {
                        if (cell instanceof Map<?, ?> button) {
                            buttons.add((Map<String, Object>) button);
                        }
                    }
                }
            }
            return Collections.unmodifiableList(buttons);
        }

        /** The reply_markup parameter as sent (inline keyboard, reply keyboard or its removal), or an empty map. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> replyMarkup() {
            return params.get("reply_markup") instanceof Map<?, ?> markup ? (Map<String, Object>) markup : Map.of();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(method).append('[').append(status);
            if (chatId() != null) {
                out.append(" chat=").append(chatId());
            }
            if (text() != null) {
                out.append(" text=\"").append(abbreviate(text())).append('"');
            }
            return out.append(']').toString();
        }
    }

    private record Failure(String method, long chatId, int errorCode, String description, Integer retryAfter) {}

    private record Reply(int status, ObjectNode body) {}

    private final Object lock = new Object();
    private final Duration longPollCap;
    private final Javalin app;
    private final int port;
    private final Updates updates = new Updates();

    // Everything below is guarded by lock.
    private final List<Call> calls = new ArrayList<>();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Integer> failuresLeft = new ArrayList<>();
    private final Map<Long, Long> lastMessageId = new HashMap<>();
    private final Map<Long, ObjectNode> lastBotMessage = new HashMap<>();
    private final Map<String, ArrayNode> commands = new HashMap<>();
    private long nextUpdateId = 1;
    private String webhookUrl = "";
    private Integer webhookMaxConnections;
    private List<String> webhookAllowedUpdates;
    private int inFlight;
    private boolean closed;
    private boolean holdingSends;
    private int heldSends;

    private FakeBotApi(Duration longPollCap) {
        if (longPollCap.isNegative()) {
            throw new IllegalArgumentException("longPollCap must not be negative: " + longPollCap);
        }
        this.longPollCap = longPollCap;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.setStopTimeout(0));
            config.routes.post("/{bot}/{method}", this::handle);
            config.routes.get("/{bot}/{method}", this::handle);
            // File downloads: the bytes are "fake file <file_path>", so a test can tell which file it got.
            config.routes.get("/file/{bot}/files/{name}", ctx -> ctx.result(("fake file files/" + ctx.pathParam("name"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
        app.start("127.0.0.1", 0);
        this.port = app.port();
    }

    /** Starts a fake whose long polls wait at most {@link #DEFAULT_LONG_POLL_CAP}. */
    public static FakeBotApi start() {
        return new FakeBotApi(DEFAULT_LONG_POLL_CAP);
    }

    /** Starts a fake whose long polls wait at most {@code longPollCap} (or the request's timeout, if shorter). */
    public static FakeBotApi start(Duration longPollCap) {
        return new FakeBotApi(longPollCap);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}; methods are at {@code baseUrl() + "/bot" + token + "/" + method}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL to give the library's {@code OkHttpTelegramClient} and {@code TelegramBotsLongPollingApplication}. */
    public TelegramUrl telegramUrl() {
        return TelegramUrl.builder().schema("http").host("127.0.0.1").port(port).testServer(false).build();
    }

    // ---------------------------------------------------------------- recordings

    /** Every call so far, in arrival order. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method (failed ones included), in arrival order. */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return callsOf(method);
        }
    }

    /** The successful sendMessage calls; failed attempts (injected or invalid) are only in {@code calls("sendMessage")}. */
    public List<Call> sentMessages() {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals("sendMessage") && c.ok()).toList();
        }
    }

    /** The successful sendMessage calls to one chat. */
    public List<Call> sentTo(long chatId) {
        synchronized (lock) {
            return calls.stream()
                    .filter(c -> c.method().equals("sendMessage") && c.ok() && Objects.equals(c.chatId(), chatId))
                    .toList();
        }
    }

    /**
     * Blocks until at least {@code count} calls of {@code method} (failed ones included) were recorded and returns
     * all calls of that method.
     *
     * @throws AssertionError when the timeout passes first, listing the calls seen
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        return await(() -> callsOf(method), count, timeout, "'" + method + "' call(s)");
    }

    /** Blocks until the bot successfully sent at least {@code count} messages to the chat, and returns them all. */
    public List<Call> awaitSentTo(long chatId, int count, Duration timeout) {
        return await(() -> sentTo(chatId), count, timeout, "message(s) sent to chat " + chatId);
    }

    /** Forgets the recorded calls (queued updates, failures, webhook and commands stay). */
    /** Runs {@code action} (queueing an update, calling the service) and returns the next {@code count} messages to the chat. */
    public List<Call> repliesTo(long chatId, Runnable action, int count, Duration timeout) {
        int before = sentTo(chatId).size();
        action.run();
        return awaitSentTo(chatId, before + count, timeout).subList(before, before + count);
    }

    public void clear() {
        synchronized (lock) {
            calls.clear();
        }
    }

    private List<Call> callsOf(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private List<Call> await(java.util.function.Supplier<List<Call>> query, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> found = query.get();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new AssertionError("Expected at least " + count + " " + what + " within " + timeout
                            + " but got " + found.size() + (closed ? " (the fake was closed)" : "")
                            + ". All calls so far: " + summary(calls));
                }
                waitOnLock(left);
            }
        }
    }

    // ---------------------------------------------------------------- updates

    /**
     * Queues an update for {@code getUpdates}. Without an {@code update_id} it gets the next one; with one, later
     * automatic ids continue above it.
     *
     * @return the queued JSON (with its update_id)
     */
    public String enqueueUpdate(String updateJson) {
        ObjectNode update;
        try {
            JsonNode parsed = JSON.readTree(updateJson);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException("An update must be a JSON object: " + updateJson);
            }
            update = object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + updateJson, e);
        }
        synchronized (lock) {
            if (update.hasNonNull("update_id")) {
                nextUpdateId = Math.max(nextUpdateId, update.get("update_id").asLong() + 1);
            } else {
                ObjectNode withId = NODES.objectNode().put("update_id", nextUpdateId++);
                withId.setAll(update);
                update = withId;
            }
            queue.add(update);
            lock.notifyAll();
        }
        return update.toString();
    }

    /** Reserves the next automatic update_id, for building an update with {@link #updates()} without queuing it. */
    public long nextUpdateId() {
        synchronized (lock) {
            return nextUpdateId++;
        }
    }

    /** Queued updates that no getUpdates offset has confirmed yet. */
    public int pendingUpdateCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Builds update JSON with explicit update ids, without queuing it. */
    public Updates updates() {
        return updates;
    }

    /** Queues a private-chat text message from user {@code chatId} ("Siti"). Returns the JSON. */
    public String textMessage(long chatId, String text) {
        return enqueueUpdate(updates.textMessage(nextUpdateId(), chatId, text));
    }

    /** Queues a button press in the chat, on the last message the bot sent there (or a new bot message). */
    public String callbackQuery(long chatId, String data) {
        return enqueueUpdate(updates.callbackQuery(nextUpdateId(), chatId, data));
    }

    /** Queues a button press by user {@code userId} in group {@code groupChatId}. */
    public String groupCallbackQuery(long groupChatId, long userId, String data) {
        return enqueueUpdate(updates.groupCallbackQuery(nextUpdateId(), groupChatId, userId, data));
    }

    public String sticker(long chatId) {
        return enqueueUpdate(updates.sticker(nextUpdateId(), chatId));
    }

    public String voice(long chatId) {
        return enqueueUpdate(updates.voice(nextUpdateId(), chatId));
    }

    public String photo(long chatId) {
        return enqueueUpdate(updates.photo(nextUpdateId(), chatId));
    }

    /** Queues a shared contact from user {@code chatId}: their own when {@code contactUserId == chatId}. */
    public String contact(long chatId, String phoneNumber, long contactUserId) {
        return enqueueUpdate(updates.contact(nextUpdateId(), chatId, phoneNumber, contactUserId));
    }

    public String location(long chatId) {
        return enqueueUpdate(updates.location(nextUpdateId(), chatId));
    }

    /** Queues an edited_message update: the user edited an earlier message to {@code text}. */
    public String editedText(long chatId, String text) {
        return enqueueUpdate(updates.editedText(nextUpdateId(), chatId, text));
    }

    /** Queues a text message in a group (type "group", negative id) from user {@code userId}. */
    public String groupText(long groupChatId, long userId, String text) {
        return enqueueUpdate(updates.groupText(nextUpdateId(), groupChatId, userId, text));
    }

    /** Queues the my_chat_member update Telegram sends when the user blocks the bot (new status "kicked"). */
    public String blockedByUser(long chatId) {
        return enqueueUpdate(updates.blockedByUser(nextUpdateId(), chatId));
    }

    /**
     * Update JSON builders. Each takes the update_id first and returns the JSON without queuing it; queue it with
     * {@link #enqueueUpdate(String)} or POST it to a webhook. Message ids come from the fake's per-chat counter, which
     * sendMessage shares, as in a real chat.
     */
    public final class Updates {
        private Updates() {}

        public String textMessage(long updateId, long chatId, String text) {
            return update(updateId, "message", userMessage(chatId).put("text", text));
        }

        /** A button pressed by user {@code userId} on the bot's last message in group {@code groupChatId}. */
        public String groupCallbackQuery(long updateId, long groupChatId, long userId, String data) {
            String json = callbackQuery(updateId, groupChatId, data);
            try {
                ObjectNode update = (ObjectNode) JSON.readTree(json);
                ((ObjectNode) update.get("callback_query")).set("from", user(userId));
                return update.toString();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String callbackQuery(long updateId, long chatId, String data) {
            ObjectNode message;
            synchronized (lock) {
                ObjectNode last = lastBotMessage.get(chatId);
                if (last == null) {
                    last = botMessage(chatId, nextMessageId(chatId), "Pilih salah satu:");
                    lastBotMessage.put(chatId, last);
                }
                message = last.deepCopy();
            }
            ObjectNode query = NODES.objectNode()
                    .put("id", String.valueOf(4_000_000_000_000L + updateId))
                    .set("from", user(chatId));
            query.set("message", message);
            query.put("chat_instance", String.valueOf(-8_000_000_000L - chatId));
            query.put("data", data);
            return update(updateId, "callback_query", query);
        }

        public String sticker(long updateId, long chatId) {
            ObjectNode sticker = file("sticker", updateId)
                    .put("type", "regular").put("width", 512).put("height", 512)
                    .put("is_animated", false).put("is_video", false).put("emoji", "\uD83D\uDC4D")
                    .put("set_name", "KlinikTestStickers").put("file_size", 24_576);
            return update(updateId, "message", userMessage(chatId).set("sticker", sticker));
        }

        public String voice(long updateId, long chatId) {
            ObjectNode voice = file("voice", updateId)
                    .put("duration", 3).put("mime_type", "audio/ogg").put("file_size", 12_345);
            return update(updateId, "message", userMessage(chatId).set("voice", voice));
        }

        public String photo(long updateId, long chatId) {
            ArrayNode sizes = NODES.arrayNode();
            sizes.add(file("photo-s", updateId).put("width", 90).put("height", 67).put("file_size", 1_234));
            sizes.add(file("photo-m", updateId).put("width", 320).put("height", 240).put("file_size", 15_678));
            sizes.add(file("photo-x", updateId).put("width", 1280).put("height", 960).put("file_size", 98_765));
            return update(updateId, "message", userMessage(chatId).set("photo", sizes));
        }

        /** A shared contact card; it is the user's own when {@code contactUserId} is the chat's user. */
        public String contact(long updateId, long chatId, String phoneNumber, long contactUserId) {
            ObjectNode contact = NODES.objectNode().put("phone_number", phoneNumber).put("first_name", USER_FIRST_NAME)
                    .put("user_id", contactUserId);
            return update(updateId, "message", userMessage(chatId).set("contact", contact));
        }

        public String location(long updateId, long chatId) {
            ObjectNode location = NODES.objectNode().put("latitude", -6.200000).put("longitude", 106.816666);
            return update(updateId, "message", userMessage(chatId).set("location", location));
        }

        public String editedText(long updateId, long chatId, String text) {
            ObjectNode message = userMessage(chatId).put("text", text);
            long date = message.get("date").asLong();
            message.put("date", date - 60).put("edit_date", date);
            return update(updateId, "edited_message", message);
        }

        public String groupText(long updateId, long groupChatId, long userId, String text) {
            ObjectNode message = NODES.objectNode().put("message_id", nextMessageIdLocked(groupChatId));
            message.set("from", user(userId));
            message.set("chat", chat(groupChatId));
            message.put("date", now()).put("text", text);
            return update(updateId, "message", message);
        }

        public String blockedByUser(long updateId, long chatId) {
            long date = now();
            ObjectNode change = NODES.objectNode();
            change.set("chat", chat(chatId));
            change.set("from", user(chatId));
            change.put("date", date);
            change.set("old_chat_member", NODES.objectNode().put("status", "member").set("user", botUser()));
            change.set("new_chat_member",
                    NODES.objectNode().put("status", "kicked").put("until_date", 0).set("user", botUser()));
            return update(updateId, "my_chat_member", change);
        }

        private ObjectNode userMessage(long chatId) {
            ObjectNode message = NODES.objectNode().put("message_id", nextMessageIdLocked(chatId));
            message.set("from", user(chatId));
            message.set("chat", chat(chatId));
            message.put("date", now());
            return message;
        }

        private ObjectNode file(String kind, long updateId) {
            return NODES.objectNode()
                    .put("file_id", "Fake-" + kind + "-" + updateId)
                    .put("file_unique_id", "U" + kind + updateId);
        }

        private String update(long updateId, String kind, ObjectNode payload) {
            ObjectNode update = NODES.objectNode().put("update_id", updateId);
            update.set(kind, payload);
            return update.toString();
        }
    }

    // ---------------------------------------------------------------- failure injection

    /**
     * Makes the next {@code times} calls of {@code method} for {@code chatId} ({@link #ANY_CHAT} for all) fail with
     * {@code {"ok":false,"error_code":errorCode,"description":...,"parameters":{"retry_after":...}}} and that HTTP
     * status. A null description gets Telegram's usual one for the code; a null retryAfter leaves out parameters.
     * Failures are checked before anything else and consumed in the order they were added.
     */
    public void failNext(String method, long chatId, int times, int errorCode, String description, Integer retryAfter) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        if (errorCode < 400 || errorCode > 599) {
            throw new IllegalArgumentException("errorCode must be an HTTP error status: " + errorCode);
        }
        String text = description != null ? description : defaultDescription(errorCode, retryAfter);
        synchronized (lock) {
            failures.add(new Failure(method, chatId, errorCode, text, retryAfter));
            failuresLeft.add(times);
        }
    }

    private static String defaultDescription(int errorCode, Integer retryAfter) {
        return switch (errorCode) {
            case 400 -> "Bad Request: chat not found";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden: bot was blocked by the user";
            case 404 -> "Not Found";
            case 409 -> "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
            case 429 -> "Too Many Requests: retry after " + (retryAfter == null ? 1 : retryAfter);
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            default -> "Error " + errorCode;
        };
    }

    private Failure takeFailure(String method, Long chatId) {
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            if (failure.method().equals(method) && (failure.chatId() == ANY_CHAT || Objects.equals(chatId, failure.chatId()))) {
                int left = failuresLeft.get(i) - 1;
                if (left == 0) {
                    failures.remove(i);
                    failuresLeft.remove(i);
                } else {
                    failuresLeft.set(i, left);
                }
                return failure;
            }
        }
        return null;
    }

    /**
     * Holds sendMessage calls from now on: they get no answer and send nothing until {@link #releaseHeldSends()},
     * which fails them with 502 Bad Gateway, as if the Bot API had never taken them. A crash test holds sends around
     * its kill, for the one case no service can get right: a reply Telegram accepted an instant before the crash,
     * before the service could note it as sent, goes out again after the restart (no Bot API call is idempotent and
     * none tells what was sent).
     */
    public void holdSends() {
        synchronized (lock) {
            holdingSends = true;
        }
    }

    /** Ends {@link #holdSends()}: the calls held fail with 502 (their caller may be gone), later ones are answered. */
    public void releaseHeldSends() {
        synchronized (lock) {
            holdingSends = false;
            lock.notifyAll();
        }
    }

    /** sendMessage calls being held now. */
    public int heldSends() {
        synchronized (lock) {
            return heldSends;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private static final List<String> METHODS = List.of("getMe", "getUpdates", "deleteWebhook", "sendMessage",
            "answerCallbackQuery", "editMessageText", "setWebhook", "getWebhookInfo", "setMyCommands",
            "getMyCommands", "sendChatAction", "deleteMyCommands", "getFile");

    private void handle(Context ctx) throws IOException {
        synchronized (lock) {
            inFlight++;
        }
        try {
            answer(ctx);
        } finally {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    private void answer(Context ctx) throws IOException {
        String rawMethod = ctx.pathParam("method");
        String method = METHODS.stream().filter(m -> m.equalsIgnoreCase(rawMethod)).findFirst().orElse(rawMethod);
        Reply reply;
        Map<String, Object> params;
        try {
            params = params(ctx);
        } catch (IllegalArgumentException e) {
            params = Map.of();
            reply = error(400, "Bad Request: " + e.getMessage(), null);
            record(method, params, reply.status());
            send(ctx, reply);
            return;
        }
        synchronized (lock) {
            boolean held = method.equals("sendMessage") && holdingSends && !closed;
            if (held) {
                heldSends++;
                lock.notifyAll();
                while (holdingSends && !closed) {
                    waitOnLock(TimeUnit.SECONDS.toNanos(1));
                }
                heldSends--;
            }
            Instant at = Instant.now();
            reply = held ? error(502, "Bad Gateway", null) : refusal(ctx.pathParam("bot"), method, params);
            if (reply == null && method.equals("getUpdates")) {
                reply = getUpdates(params, at); // records the call on arrival, before the long-poll wait
            } else {
                if (reply == null) {
                    reply = dispatch(method, params);
                }
                calls.add(new Call(method, params, at, reply.status()));
                lock.notifyAll();
            }
        }
        send(ctx, reply);
    }

    /** A bad path, a closed fake or an injected failure; null when the call should be answered normally. */
    private Reply refusal(String botSegment, String method, Map<String, Object> params) {
        if (!botSegment.startsWith("bot")) {
            return error(404, "Not Found", null);
        }
        if (closed) {
            return error(503, "Service Unavailable: the fake is closed", null);
        }
        Failure failure = takeFailure(method, asLong(params.get("chat_id")));
        return failure == null ? null : error(failure.errorCode(), failure.description(), failure.retryAfter());
    }

    private void record(String method, Map<String, Object> params, int status) {
        synchronized (lock) {
            calls.add(new Call(method, params, Instant.now(), status));
            lock.notifyAll();
        }
    }

    /** Writes and flushes the response before the handler returns, so close() can wait for it. */
    private static void send(Context ctx, Reply reply) throws IOException {
        byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
        ctx.status(reply.status()).contentType("application/json");
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
        ctx.res().flushBuffer();
    }

    private static Map<String, Object> params(Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> params.put(name, fieldValue(values)));
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (ctx.isMultipartFormData() || ctx.isFormUrlencoded()) {
            ctx.formParamMap().forEach((name, values) -> params.put(name, fieldValue(values)));
        } else {
            String body = ctx.body();
            if (!body.isBlank() && (contentType.contains("json") || body.stripLeading().startsWith("{"))) {
                try {
                    params.putAll(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("can't parse JSON body: " + e.getOriginalMessage());
                }
            }
        }
        return params;
    }

    /** A form field: its last value, parsed when it holds a JSON object or array (reply_markup, allowed_updates). */
    private static Object fieldValue(List<String> values) {
        String value = values.isEmpty() ? "" : values.get(values.size() - 1);
        String trimmed = value.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }

    private Reply dispatch(String method, Map<String, Object> params) {
        return switch (method) {
            case "getMe" -> ok(botUser().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", false).put("can_connect_to_business", false)
                    .put("has_main_web_app", false));
            case "deleteWebhook" -> deleteWebhook(params);
            case "sendMessage" -> sendMessage(params);
            case "getFile" -> params.get("file_id") == null ? error(400, "Bad Request: file_id is empty", null)
                    : ok(NODES.objectNode().put("file_id", params.get("file_id").toString())
                            .put("file_unique_id", "U" + params.get("file_id")).put("file_size", 42)
                            .put("file_path", "files/" + params.get("file_id") + ".jpg"));
            case "answerCallbackQuery" -> params.get("callback_query_id") == null
                    ? error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null)
                    : ok(NODES.booleanNode(true));
            case "editMessageText" -> editMessageText(params);
            case "setWebhook" -> setWebhook(params);
            case "getWebhookInfo" -> getWebhookInfo();
            case "setMyCommands" -> setMyCommands(params);
            case "getMyCommands" -> ok(commands.getOrDefault(commandsKey(params), NODES.arrayNode()).deepCopy());
            case "deleteMyCommands" -> {
                commands.remove(commandsKey(params));
                yield ok(NODES.booleanNode(true));
            }
            case "sendChatAction" -> sendChatAction(params);
            default -> error(404, "Not Found: method not found", null);
        };
    }

    private Reply getUpdates(Map<String, Object> params, Instant at) {
        // Runs holding lock; lock.wait releases it while waiting.
        if (!webhookUrl.isEmpty()) {
            Reply conflict = error(409,
                    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
                    null);
            calls.add(new Call("getUpdates", params, at, conflict.status()));
            lock.notifyAll();
            return conflict;
        }
        calls.add(new Call("getUpdates", params, at, 200));
        lock.notifyAll();
        long offset = orDefault(asLong(params.get("offset")), 0L);
        int limit = (int) Math.max(1, Math.min(100, orDefault(asLong(params.get("limit")), 100L)));
        long timeoutSeconds = Math.max(0, orDefault(asLong(params.get("timeout")), 0L));
        if (offset > 0) {
            queue.removeIf(update -> update.get("update_id").asLong() < offset);
        }
        long waitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeoutSeconds), longPollCap.toNanos());
        long deadline = System.nanoTime() + waitNanos;
        List<ObjectNode> deliverable = deliverable(offset, limit);
        while (deliverable.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            waitOnLock(left);
            deliverable = deliverable(offset, limit);
        }
        ArrayNode result = NODES.arrayNode();
        deliverable.forEach(update -> result.add(update.deepCopy()));
        return ok(result);
    }

    private List<ObjectNode> deliverable(long offset, int limit) {
        if (offset < 0) {
            // As in the real API: a negative offset retrieves the last -offset updates.
            int from = (int) Math.max(0, queue.size() + offset);
            List<ObjectNode> tail = queue.subList(from, queue.size());
            return List.copyOf(tail.subList(0, Math.min(limit, tail.size())));
        }
        return queue.stream().filter(update -> update.get("update_id").asLong() >= offset).limit(limit).toList();
    }

    private Reply sendMessage(Map<String, Object> params) {
        Long chatId = asLong(params.get("chat_id"));
        if (params.get("chat_id") == null) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        if (chatId == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        Object text = params.get("text");
        if (text == null || text.toString().isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        ObjectNode message = botMessage(chatId, nextMessageId(chatId), text.toString());
        JsonNode markup = JSON.valueToTree(params.get("reply_markup"));
        if (markup != null && markup.has("inline_keyboard")) {
            message.set("reply_markup", markup);
        }
        lastBotMessage.put(chatId, message.deepCopy());
        return ok(message);
    }

    private Reply editMessageText(Map<String, Object> params) {
        Object text = params.get("text");
        if (text == null || text.toString().isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (params.get("inline_message_id") != null) {
            return ok(NODES.booleanNode(true));
        }
        Long chatId = asLong(params.get("chat_id"));
        Long messageId = asLong(params.get("message_id"));
        if (chatId == null || messageId == null) {
            return error(400, "Bad Request: message identifier is not specified", null);
        }
        ObjectNode message = botMessage(chatId, messageId, text.toString());
        message.put("date", now() - 1).put("edit_date", now());
        JsonNode markup = JSON.valueToTree(params.get("reply_markup"));
        if (markup != null && markup.has("inline_keyboard")) {
            message.set("reply_markup", markup);
        }
        ObjectNode last = lastBotMessage.get(chatId);
        if (last != null && last.get("message_id").asLong() == messageId) {
            lastBotMessage.put(chatId, message.deepCopy());
        }
        return ok(message);
    }

    private Reply sendChatAction(Map<String, Object> params) {
        if (asLong(params.get("chat_id")) == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        if (params.get("action") == null) {
            return error(400, "Bad Request: wrong parameter action in request", null);
        }
        return ok(NODES.booleanNode(true));
    }

    private Reply setWebhook(Map<String, Object> params) {
        String url = params.get("url") == null ? "" : params.get("url").toString();
        boolean wasSet = !webhookUrl.isEmpty();
        if (isTrue(params.get("drop_pending_updates"))) {
            queue.clear();
        }
        webhookUrl = url;
        if (url.isEmpty()) {
            webhookMaxConnections = null;
            webhookAllowedUpdates = null;
            return okWithDescription(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
        }
        Long maxConnections = asLong(params.get("max_connections"));
        webhookMaxConnections = maxConnections == null ? DEFAULT_MAX_CONNECTIONS : maxConnections.intValue();
        webhookAllowedUpdates = params.get("allowed_updates") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : null;
        return okWithDescription("Webhook was set");
    }

    private Reply deleteWebhook(Map<String, Object> params) {
        boolean wasSet = !webhookUrl.isEmpty();
        if (isTrue(params.get("drop_pending_updates"))) {
            queue.clear();
        }
        webhookUrl = "";
        webhookMaxConnections = null;
        webhookAllowedUpdates = null;
        return okWithDescription(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private Reply getWebhookInfo() {
        ObjectNode info = NODES.objectNode()
                .put("url", webhookUrl)
                .put("has_custom_certificate", false)
                .put("pending_update_count", 0);
        if (webhookMaxConnections != null) {
            info.put("max_connections", webhookMaxConnections);
        }
        if (webhookAllowedUpdates != null) {
            ArrayNode allowed = info.putArray("allowed_updates");
            webhookAllowedUpdates.forEach(allowed::add);
        }
        return ok(info);
    }

    private Reply setMyCommands(Map<String, Object> params) {
        if (!(params.get("commands") instanceof List<?> list)) {
            return error(400, "Bad Request: parameter \"commands\" is required", null);
        }
        ArrayNode stored = NODES.arrayNode();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> command) || command.get("command") == null || command.get("description") == null) {
                return error(400, "Bad Request: can't parse BotCommand", null);
            }
            stored.add(NODES.objectNode()
                    .put("command", command.get("command").toString())
                    .put("description", command.get("description").toString()));
        }
        commands.put(commandsKey(params), stored);
        return ok(NODES.booleanNode(true));
    }

    private static String commandsKey(Map<String, Object> params) {
        Object scope = params.get("scope") == null ? Map.of("type", "default") : params.get("scope");
        Object language = params.get("language_code") == null ? "" : params.get("language_code");
        try {
            return JSON.writeValueAsString(scope) + "|" + language;
        } catch (JsonProcessingException e) {
            return scope + "|" + language;
        }
    }

    // ---------------------------------------------------------------- JSON shapes

    private static ObjectNode botUser() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true)
                .put("first_name", BOT_FIRST_NAME).put("username", BOT_USERNAME);
    }

    private static ObjectNode user(long userId) {
        return NODES.objectNode().put("id", userId).put("is_bot", false)
                .put("first_name", USER_FIRST_NAME).put("language_code", "id");
    }

    /** A private chat for positive ids (whose user is "Siti"), a group for negative ids. */
    private static ObjectNode chat(long chatId) {
        if (chatId < 0) {
            return NODES.objectNode().put("id", chatId).put("type", "group").put("title", "Grup UMKM " + (-chatId));
        }
        return NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", USER_FIRST_NAME);
    }

    private static ObjectNode botMessage(long chatId, long messageId, String text) {
        ObjectNode message = NODES.objectNode().put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId));
        message.put("date", now()).put("text", text);
        return message;
    }

    /** Caller holds lock. */
    private long nextMessageId(long chatId) {
        return lastMessageId.merge(chatId, 1L, Long::sum);
    }

    private long nextMessageIdLocked(long chatId) {
        synchronized (lock) {
            return nextMessageId(chatId);
        }
    }

    private static Reply ok(JsonNode result) {
        ObjectNode body = NODES.objectNode().put("ok", true);
        body.set("result", result);
        return new Reply(200, body);
    }

    private static Reply okWithDescription(String description) {
        ObjectNode body = NODES.objectNode().put("ok", true).put("result", true).put("description", description);
        return new Reply(200, body);
    }

    private static Reply error(int code, String description, Integer retryAfter) {
        ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new Reply(code, body);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    // ---------------------------------------------------------------- helpers

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    private static Long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static String summary(List<Call> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        return calls.stream().map(Call::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                copy.add(freeze(it.next()));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /**
     * Wakes waiting long polls and awaiters, lets requests in progress finish writing their answers (they no longer
     * wait), then stops the server without a grace period, so idle keep-alive connections don't hold it up.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            long deadline = System.nanoTime() + CLOSE_DRAIN.toNanos();
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                waitOnLock(left);
            }
        }
        app.stop();
    }
}
