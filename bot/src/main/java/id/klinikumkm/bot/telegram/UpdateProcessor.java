package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.storage.OutboxDao;
import id.klinikumkm.bot.storage.ProcessedUpdateDao;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles recorded updates: those of one chat strictly in arrival order, different chats in parallel
 * ({@link ChatLanes}). Exactly-once comes from the engine marking the update handled in the
 * same transaction as its answer; an update that fails stays unhandled and is tried again by the sweeper.
 *
 * <p>The queue is bounded: room for an update is reserved before it is recorded and given back once it has been
 * handled, so under sustained load the receivers slow down (the webhook asks Telegram to deliver again later,
 * polling waits) instead of the heap filling up.
 */
final class UpdateProcessor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);
    private static final String CHANNEL = Channel.TELEGRAM.id();

    private final ChatLanes lanes;
    private final UpdateMapper mapper = new UpdateMapper();
    private final ConversationEngine engine;
    private final ProcessedUpdateDao updates;
    private final OutboxDao outbox;
    private final TelegramClient client;
    private final Runnable afterReplies;
    private final TypingIndicator typing;
    private final ObjectMapper json;
    private static final int IN_PLACE_ATTEMPTS = 4;
    /** Updates queued or being handled, so a sweep never queues one twice. */
    private final Set<Integer> queued = ConcurrentHashMap.newKeySet();
    /**
     * Updates whose handling failed because the database was away, queued again by {@link #retryFailed} every
     * second or so instead of waiting for the sweep (which needs the database to note and find them).
     */
    private final Map<Integer, Update> failedOnConnection = new ConcurrentHashMap<>();
    /**
     * Chats in which handling an update failed here: their next updates look for earlier unhandled ones although
     * their records found none (the failure came after). Forgotten once a look finds none.
     */
    private final Set<String> chatsWithFailures = ConcurrentHashMap.newKeySet();
    private final Semaphore room;
    private final int capacity;
    private final Consumer<Duration> handled;
    private final EarlierUnhandled earlier;

    /** Payloads of a chat's updates before the given one, recorded and not handled, oldest first. */
    @FunctionalInterface
    interface EarlierUnhandled {
        List<String> find(String channel, String chatId, long updateId, int maxAttempts);
    }

    UpdateProcessor(int threads, int capacity, ConversationEngine engine, ProcessedUpdateDao updates, OutboxDao outbox,
                    TelegramClient client, Runnable afterReplies) {
        this(threads, capacity, engine, updates, (channel, chatId, updateId, maxAttempts) -> List.of(), outbox, client,
                afterReplies, took -> {}, TelegramJson.create());
    }

    /**
     * @param earlier the chat's earlier unhandled updates, asked before an update whose chat may have some
     *                ({@link UpdateRecords}: plain JDBC, as the hot path's other statements)
     * @param handled told how long each update took from its receipt by this instance until its turn committed
     * @param json reads those earlier updates back (the channel's {@link TelegramJson} mapper)
     */
    UpdateProcessor(int threads, int capacity, ConversationEngine engine, ProcessedUpdateDao updates,
                    EarlierUnhandled earlier, OutboxDao outbox, TelegramClient client, Runnable afterReplies,
                    Consumer<Duration> handled, ObjectMapper json) {
        this.earlier = earlier;
        this.json = json;
        this.handled = handled;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.engine = engine;
        this.updates = updates;
        this.outbox = outbox;
        this.client = client;
        this.afterReplies = afterReplies;
        this.typing = new TypingIndicator(this::showTyping, TypingIndicator.DEFAULT_DELAY);
        this.lanes = new ChatLanes(threads, "telegram-updates");
    }

    /**
     * Reserves room for one update, waiting up to {@code wait}; false when the queue stayed full. A reservation
     * is used by {@link #dispatchReserved} or given back with {@link #cancelReservation}.
     */
    boolean reserve(Duration wait) throws InterruptedException {
        return room.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    void cancelReservation() {
        room.release();
    }

    /**
     * Queues an update, with room reserved before, behind the earlier ones of its chat; when it is queued or
     * being handled already the reservation is given back. Before it is handled, the chat's earlier unhandled
     * updates are looked for (and handled first).
     */
    void dispatchReserved(Update update) {
        dispatchReserved(update, -1, true);
    }

    /**
     * As {@link #dispatchReserved(Update)}, timing the update from {@code receivedNanos} ({@link System#nanoTime}; -1:
     * not timed). The chat's earlier unhandled updates are looked for only when {@code behindUnhandled} (its record
     * found some) or a handling in the chat failed here since.
     */
    void dispatchReserved(Update update, long receivedNanos, boolean behindUnhandled) {
        if (!queued.add(update.getUpdateId())) {
            room.release();
            return;
        }
        String chatId = UpdateMapper.chatIdOf(update);
        try {
            lanes.execute(chatId, () -> {
                try {
                    if (process(update, behindUnhandled) && receivedNanos != -1) {
                        handled.accept(Duration.ofNanos(System.nanoTime() - receivedNanos));
                    }
                } finally {
                    queued.remove(update.getUpdateId());
                    room.release();
                }
            });
        } catch (RuntimeException e) {
            queued.remove(update.getUpdateId());
            room.release();
            throw e;
        }
    }

    /**
     * Queues an update found unhandled in the database, unless it is queued or being handled already or the
     * queue stays full for {@code wait} (the next sweep finds it again).
     *
     * @return whether it was queued now
     */
    boolean dispatch(Update update, Duration wait) throws InterruptedException {
        if (queued.contains(update.getUpdateId()) || !reserve(wait)) {
            return false;
        }
        dispatchReserved(update);
        return true;
    }

    /**
     * Queues again the updates whose handling failed because the database was away (each waits up to {@code wait}
     * for room; one that finds none stays for the next call).
     *
     * @return how many were queued
     */
    int retryFailed(Duration wait) throws InterruptedException {
        int queuedAgain = 0;
        for (Update update : failedOnConnection.values()) {
            if (!failedOnConnection.remove(update.getUpdateId(), update)) {
                continue;
            }
            if (dispatch(update, wait)) {
                queuedAgain++;
            } else if (!queued.contains(update.getUpdateId())) {
                failedOnConnection.putIfAbsent(update.getUpdateId(), update);
            }
        }
        return queuedAgain;
    }

    /** Updates queued or being handled. */
    int waiting() {
        return capacity - room.availablePermits();
    }

    /**
     * Handles an update, after the earlier updates of its chat that were recorded but never handled: an instance
     * that died left them, or their handling failed, and the sweep would take them up only later. So a chat's
     * updates are answered in order whichever instance took them. One that is queued here or on another instance
     * too is answered once all the same: the turn that marks it handled first answers it, the others find it marked.
     * They are looked for only when there can be some (see {@link #dispatchReserved(Update, long, boolean)}), which
     * spares almost every update a statement.
     *
     * @return whether the update itself was handled now (its turn committed, or it was found handled before)
     */
    private boolean process(Update update, boolean behindUnhandled) {
        String chatId = UpdateMapper.chatIdOf(update);
        if (behindUnhandled || chatsWithFailures.contains(chatId)) {
            Optional<List<String>> earlier = attempt(update,
                    () -> this.earlier.find(CHANNEL, chatId, update.getUpdateId(), UpdateIntake.MAX_ATTEMPTS));
            if (earlier.isEmpty()) {
                return false;
            }
            if (earlier.get().isEmpty()) {
                chatsWithFailures.remove(chatId);
            }
            handleFirst(update, earlier.get());
        }
        return attempt(update, () -> handle(update)).isPresent();
    }

    private void handleFirst(Update update, List<String> earlier) {
        for (String payload : earlier) {
            Update before;
            try {
                before = json.readValue(payload, Update.class);
            } catch (JsonProcessingException e) {
                LOG.warn("A recorded update could not be read back: {}", e.getOriginalMessage());
                continue;
            }
            LOG.info("Update {} handled before the later update {} of its chat", before.getUpdateId(), update.getUpdateId());
            // A failure is noted on that update, which the sweep tries again; this one is not held up by it.
            attempt(before, () -> handle(before));
        }
    }

    /**
     * Runs work for an update, trying again in place after a lost database connection (a restart of PostgreSQL ends
     * every pooled connection, and the first turn on each fails): in place, so the chat's later updates still wait
     * behind it. Empty when it failed; the failure is then noted on the update.
     */
    private <T> Optional<T> attempt(Update update, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(work.get());
            } catch (Exception e) {
                if (attempt >= IN_PLACE_ATTEMPTS || !lostConnection(e)) {
                    noteFailure(update, e);
                    if (lostConnection(e)) {
                        failedOnConnection.put(update.getUpdateId(), update);
                    }
                    return Optional.empty();
                }
                LOG.warn("Update {} met a lost database connection; trying again", update.getUpdateId());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    noteFailure(update, e);
                    return Optional.empty();
                }
            }
        }
    }

    private static boolean lostConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private boolean handle(Update update) {
        MappedUpdate mapped = mapper.map(update);
        if (mapped instanceof MappedUpdate.Inbound inbound) {
            if (inbound.showTyping()) {
                typing.whileWorking(inbound.message().chat().externalId(), () -> engine.handle(inbound.message()));
            } else {
                engine.handle(inbound.message());
            }
            inbound.callbackQueryId().ifPresent(this::answerCallback);
            afterReplies.run();
        } else if (mapped instanceof MappedUpdate.BlockChange change) {
            if (change.blocked()) {
                outbox.blockChat(CHANNEL, change.chatId(), "403: the user blocked the bot");
            } else {
                outbox.unblockChat(CHANNEL, change.chatId());
            }
            updates.markHandled(CHANNEL, update.getUpdateId());
        } else if (mapped instanceof MappedUpdate.Ignored ignored) {
            ignored.callbackQueryId().ifPresent(this::answerCallback);
            updates.markHandled(CHANNEL, update.getUpdateId());
            LOG.debug("Update {} not answered: {}", update.getUpdateId(), ignored.reason());
        }
        return true;
    }

    /** The update stays recorded and unhandled, and the sweeper tries it again. */
    private void noteFailure(Update update, Exception e) {
        chatsWithFailures.add(UpdateMapper.chatIdOf(update));
        String failure = Failures.describe(e);
        LOG.error("Update {} of chat {} failed, will retry: {}", update.getUpdateId(),
                new ChatKey(Channel.TELEGRAM, UpdateMapper.chatIdOf(update)), failure);
        try {
            updates.noteFailure(CHANNEL, update.getUpdateId(), failure);
        } catch (RuntimeException ignoredToo) {
            LOG.warn("Could not note the failure of update {}: {}", update.getUpdateId(), Failures.describe(ignoredToo));
        }
    }

    private void showTyping(String chatId) {
        try {
            client.executeAsync(SendChatAction.builder().chatId(chatId).action("typing").build())
                    .exceptionally(e -> null);
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("typing action not sent: {}", e.toString());
        }
    }

    private void answerCallback(String callbackQueryId) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
        } catch (TelegramApiException e) {
            // Telegram refuses answers to queries older than a few minutes; the reply message still goes out.
            LOG.debug("answerCallbackQuery failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        // The lanes first: the updates still being handled may need the typing indicator until they end.
        lanes.close();
        typing.close();
    }
}
