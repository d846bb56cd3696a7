package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.metrics.Metrics;
import id.klinikumkm.bot.storage.OutboxClaims;
import id.klinikumkm.bot.storage.OutboxDao;
import id.klinikumkm.bot.storage.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the Telegram outbox: durable (rows stay pending until Telegram accepted them), paced by
 * {@link SendLimits}, in order per chat. 429 waits retry_after; network errors and 5xx back off
 * exponentially; 400 fails the message and 403 marks the chat blocked, both without retrying and with the
 * reason stored. Nothing is dropped silently.
 *
 * <p>One thread claims and paces: it takes each message's per-chat and overall tokens and hands the message to one
 * of {@link #IN_FLIGHT} sending threads, which make the Bot API call and record the outcome. So the pace does not
 * depend on how long one call and its bookkeeping take (under load, a reply that waits for the CPU, the Bot API and
 * the database in turn would hold up every reply behind it), and replies still leave in order per chat: a claim
 * holds only the oldest pending message of each chat, and a chat's next message can be claimed only once that one
 * is no longer pending. At most {@link #IN_FLIGHT} messages are out at once, none waiting in a queue, so none
 * outlives its lease.
 */
final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {};
    private static final String CHANNEL = Channel.TELEGRAM.id();
    private static final int BATCH = 100;
    /** About a second's worth at the overall pace. */
    private static final int PREFETCH_WHEN_LEFT = 30;
    private static final int MAX_ATTEMPTS = 15;
    private static final long MAX_BACKOFF_SECONDS = 300;
    /**
     * Sends in progress at once: a second's worth at the overall pace and a little more, so the pace holds while
     * calls and their bookkeeping take up to a second (the first ones of a cold start under a burst do: with 8 or 16
     * the burst test's first second carried just 8 or 16 replies); half of the 64 the Bot API client allows per host.
     */
    static final int IN_FLIGHT = 32;

    private final OutboxDao outbox;
    /** Used by the claiming thread only. */
    private final OutboxClaims claims;
    private final TelegramClient client;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Timer sendLatency;
    private final double leaseSeconds;
    private final SendLimits limits = new SendLimits();
    private final Object wakeUp = new Object();
    private final Thread thread;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ExecutorService senders;
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(runnable -> {
        Thread claiming = new Thread(runnable, "telegram-outbox-claim");
        claiming.setDaemon(true);
        return claiming;
    });
    /**
     * Messages Telegram took whose progress (parts sent; {@link #ALL_PARTS} for all) could not be written, because the
     * database was away: written again before each claim until it is, and not sent again meanwhile, so a database
     * outage does not make a reply go out twice when its lease ends.
     */
    private final Map<Long, Integer> unnoted = new ConcurrentHashMap<>();
    private static final int ALL_PARTS = Integer.MAX_VALUE;
    private volatile boolean running = true;
    private boolean nudged;

    OutboxSender(OutboxDao outbox, TelegramClient client, ObjectMapper json, MeterRegistry meters, double leaseSeconds) {
        this.outbox = outbox;
        this.claims = new OutboxClaims(outbox, CHANNEL);
        this.leaseSeconds = leaseSeconds;
        this.client = client;
        this.json = json;
        this.meters = meters;
        this.sendLatency = Metrics.latency(meters, "klinik.outbox.send.latency",
                "from a reply being queued in the outbox to Telegram accepting its last part",
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(5));
        this.thread = new Thread(this::run, "telegram-outbox");
        this.thread.setDaemon(true);
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(IN_FLIGHT, runnable -> {
            Thread sender = new Thread(runnable, "telegram-send-" + count.incrementAndGet());
            sender.setDaemon(true);
            return sender;
        });
    }

    void start() {
        thread.start();
    }

    /** Something was queued: look at the outbox now instead of at the next tick. */
    void nudge() {
        synchronized (wakeUp) {
            nudged = true;
            wakeUp.notifyAll();
        }
    }

    /**
     * Claims and paces. The next batch is claimed while the last messages of the current one go out, so the
     * pace never waits for the claim query (with a claim after each batch, every batch boundary cost a few
     * replies' worth of a second in the burst test).
     */
    private void run() {
        Future<List<OutboxMessage>> next = claimer.submit(this::claim);
        while (running) {
            Future<List<OutboxMessage>> claimed = next;
            next = null;
            try {
                List<OutboxMessage> batch = claimed.get();
                for (int i = 0; i < batch.size() && running; i++) {
                    if (next == null && batch.size() - i <= PREFETCH_WHEN_LEFT) {
                        next = claimer.submit(this::claim);
                    }
                    deliver(batch.get(i));
                }
                if (batch.isEmpty()) {
                    waitForWork(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | RuntimeException e) {
                LOG.warn("Outbox cycle failed, retrying shortly: {}", Failures.describe(e instanceof ExecutionException ? e.getCause() : e));
                sleepQuietly(1000);
            }
            if (next == null) {
                next = claimer.submit(this::claim);
            }
        }
    }

    private List<OutboxMessage> claim() {
        noteUnnoted();
        return claims.claim(BATCH, leaseSeconds);
    }

    /** Writes the progress that could not be written when it was made; throws while the database is still away. */
    private void noteUnnoted() {
        for (Map.Entry<Long, Integer> entry : unnoted.entrySet()) {
            write(entry.getKey(), entry.getValue());
            unnoted.remove(entry.getKey(), entry.getValue());
            LOG.info("Message {}: its progress, held while the database was away, is written", entry.getKey());
        }
    }

    /** Notes that the message's first {@code partsSent} parts (or all) went out; kept in memory if that fails. */
    private void noteProgress(long id, int partsSent) {
        try {
            write(id, partsSent);
        } catch (RuntimeException e) {
            unnoted.put(id, partsSent);
            LOG.warn("Message {} went out but could not be noted as sent; noted again before the next claim: {}",
                    id, Failures.describe(e));
        }
    }

    private void write(long id, int partsSent) {
        if (partsSent == ALL_PARTS) {
            // Timed from the database's clock: queued to noted as sent (for a reply noted late, until then).
            outbox.markSent(id).ifPresent(millis -> sendLatency.record(Duration.ofMillis(Math.max(0, millis))));
        } else {
            outbox.markPartsSent(id, partsSent);
        }
    }

    /** Takes the message's tokens and hands it to a sending thread; waits while all of them are busy. */
    private void deliver(OutboxMessage message) throws InterruptedException {
        if (unnoted.containsKey(message.id())) {
            // Sent, or partly, but not yet noted: claimed again once its lease ended. Left until noted.
            return;
        }
        long waitNanos = limits.tryChat(message.externalChatId());
        if (waitNanos > 0) {
            outbox.retryLater(message.id(), waitNanos / 1e9, null, false);
            return;
        }
        slots.acquire();
        int ticket = -1;
        try {
            ticket = limits.awaitGlobal();
            int first = ticket;
            senders.execute(() -> sendReleasing(message, first));
        } catch (InterruptedException | RejectedExecutionException e) {
            if (ticket >= 0) {
                limits.sent(ticket);
            }
            slots.release();
            throw e;
        }
    }

    private void sendReleasing(OutboxMessage message, int firstTicket) {
        try {
            send(message, firstTicket);
        } catch (InterruptedException e) {
            // Shutting down: the message stays pending and is sent again, from its first unsent part, after its lease.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Sending message {} failed; it is tried again when its lease ends: {}", message.id(), Failures.describe(e));
        } finally {
            slots.release();
        }
    }

    /** Sends the message's unsent parts; the overall token for the first one was taken by the claiming thread. */
    private void send(OutboxMessage message, int firstTicket) throws InterruptedException {
        List<String> parts = TelegramText.split(message.body(), TelegramText.MAX_CHARS);
        int ticket = firstTicket;
        for (int part = message.partsSent(); part < parts.size(); part++) {
            if (part > message.partsSent()) {
                // The previous part's ticket was given back when its call ended.
                awaitChat(message.externalChatId());
                ticket = limits.awaitGlobal();
            }
            boolean last = part == parts.size() - 1;
            try {
                client.execute(sendMessage(message, parts.get(part), last));
            } catch (TelegramApiRequestException e) {
                limits.sent(ticket);
                onRefused(message, e);
                return;
            } catch (TelegramApiException e) {
                limits.sent(ticket);
                retryWithBackoff(message, "network: " + Failures.describe(e));
                return;
            } catch (RuntimeException e) {
                limits.sent(ticket);
                throw e;
            }
            limits.sent(ticket);
            if (!last) {
                noteProgress(message.id(), part + 1);
                if (unnoted.containsKey(message.id())) {
                    // The rest waits until this is noted and the message is claimed again.
                    return;
                }
            }
        }
        noteProgress(message.id(), ALL_PARTS);
        count("sent");
    }

    private void count(String outcome) {
        meters.counter("klinik.telegram.messages", "outcome", outcome).increment();
    }

    private SendMessage sendMessage(OutboxMessage message, String text, boolean last) {
        var builder = SendMessage.builder()
                .chatId(message.externalChatId())
                .text(TelegramText.html(text))
                .parseMode(ParseMode.HTML);
        List<Button> buttons = readButtons(message.buttons());
        if (last) {
            builder.replyMarkup(markup(buttons));
        }
        return builder.build();
    }

    /**
     * Inline buttons; or, for the "share my number" button, Telegram's own keyboard that sends the contact; or,
     * on a message without buttons, the removal of that keyboard, so it never lingers after the number was given.
     */
    private static ReplyKeyboard markup(List<Button> buttons) {
        if (buttons.isEmpty()) {
            return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
        }
        Optional<Button> contact = buttons.stream().filter(Button::sharesContact).findFirst();
        if (contact.isPresent()) {
            KeyboardButton share = KeyboardButton.builder().text(contact.get().label()).requestContact(true).build();
            return ReplyKeyboardMarkup.builder().keyboardRow(new KeyboardRow(List.of(share)))
                    .resizeKeyboard(true).oneTimeKeyboard(true).build();
        }
        return keyboard(buttons);
    }

    private static InlineKeyboardMarkup keyboard(List<Button> buttons) {
        List<InlineKeyboardRow> rows = TelegramText.rows(buttons, Button::label).stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.payload()).build())
                        .toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private void onRefused(OutboxMessage message, TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String reason = code + ": " + e.getApiResponse();
        if (code != null && code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            int seconds = retryAfter == null ? 1 : Math.max(1, retryAfter);
            LOG.info("Telegram asked to slow down for chat message {}: retry after {} s", message.id(), seconds);
            outbox.retryLater(message.id(), seconds, reason, true);
            count("throttled");
        } else if (code != null && code == 403) {
            LOG.info("Chat of message {} blocked the bot; its pending messages are marked failed", message.id());
            outbox.blockChat(CHANNEL, message.externalChatId(), reason);
            count("blocked");
        } else if (code != null && code >= 400 && code < 500) {
            LOG.warn("Telegram refused message {} ({}); not retried", message.id(), code);
            outbox.markFailed(message.id(), reason);
            count("failed");
        } else {
            retryWithBackoff(message, reason);
        }
    }

    private void retryWithBackoff(OutboxMessage message, String reason) {
        int attempt = message.attempts() + 1;
        if (attempt >= MAX_ATTEMPTS) {
            LOG.warn("Giving up on message {} after {} attempts: {}", message.id(), attempt, reason);
            outbox.markFailed(message.id(), "gave up after " + attempt + " attempts: " + reason);
            count("failed");
            return;
        }
        long delay = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(attempt - 1, 20));
        LOG.info("Message {} not sent ({}); attempt {} in {} s", message.id(), reason, attempt + 1, delay);
        outbox.retryLater(message.id(), delay, reason, true);
        count("retried");
    }

    private void awaitChat(String chatId) throws InterruptedException {
        long wait;
        while ((wait = limits.tryChat(chatId)) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void waitForWork(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            if (!nudged) {
                wakeUp.wait(millis);
            }
            nudged = false;
        }
    }

    private List<Button> readButtons(String buttons) {
        try {
            return json.readValue(buttons, BUTTONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        nudge();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        claimer.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
