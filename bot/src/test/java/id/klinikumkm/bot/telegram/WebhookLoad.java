package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Text updates from many chats delivered to a webhook as Telegram delivers them through faults, and the check that
 * each was answered exactly once and in order.
 *
 * <p>Every chat sends a few of {@link #COMMANDS}, each answered by exactly one message that tells which command it
 * answers ({@link #REPLY_MARK}). One poster thread per slice of chats delivers a chat's updates one after another
 * (the next only once the last was taken), chats of a slice round by round. An update that is not acknowledged with
 * a 2xx (refused, failed, cut off by a crash, timed out) is delivered again with the same body and update_id, to
 * whatever webhook address the target gives then, until one acknowledges it.
 */
final class WebhookLoad implements AutoCloseable {
    /** Three commands, each answered by exactly one message whose text tells which command it answers. */
    static final List<String> COMMANDS = List.of("/menu", "/status", "/halo");
    static final Map<String, String> REPLY_MARK = Map.of(
            "/menu", "Silakan pilih topik",
            "/status", "belum ada konsultasi",
            "/halo", "perintah itu tidak saya kenal");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REDELIVERY_PAUSE = Duration.ofMillis(100);
    private static final int MAX_DELIVERIES = 600;

    private final FakeBotApi fake;
    private final long firstChat;
    private final int chats;
    private final Map<Long, List<String>> sentByChat = new LinkedHashMap<>();
    private final List<List<String>> bodiesByPoster = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final ExecutorService posters;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile Supplier<URI> target;
    private volatile Duration pause = Duration.ZERO;

    /**
     * {@code updates} updates from chats {@code firstChat} .. {@code firstChat + chats - 1}, round by round, each
     * chat's commands rotated by chat so neighbouring chats differ; update ids rise round by round.
     */
    WebhookLoad(FakeBotApi fake, long firstChat, int chats, int updates, int posters) {
        assertThat(updates).as("updates").isGreaterThanOrEqualTo(chats);
        this.fake = fake;
        this.firstChat = firstChat;
        this.chats = chats;
        for (int p = 0; p < posters; p++) {
            bodiesByPoster.add(new ArrayList<>());
        }
        for (int n = 0; n < updates; n++) {
            int chatIndex = n % chats;
            long chat = firstChat + chatIndex;
            List<String> commands = sentByChat.computeIfAbsent(chat, c -> new ArrayList<>());
            String command = COMMANDS.get((chatIndex + commands.size()) % COMMANDS.size());
            commands.add(command);
            bodiesByPoster.get(chatIndex % posters).add(fake.updates().textMessage(fake.nextUpdateId(), chat, command));
        }
        this.posters = Executors.newFixedThreadPool(posters);
    }

    /** The webhook route of a service listening on {@code httpPort} of 127.0.0.1. */
    static URI webhookOf(int httpPort) {
        return URI.create("http://127.0.0.1:" + httpPort + TelegramHarness.WEBHOOK_PATH);
    }

    int updates() {
        return sentByChat.values().stream().mapToInt(List::size).sum();
    }

    /** A pause after each acknowledged update of a poster, to spread the load over time. */
    WebhookLoad pacedBy(Duration pauseAfterEach) {
        this.pause = pauseAfterEach;
        return this;
    }

    /** Starts delivering in the background, each delivery to the address {@code target} gives at that moment. */
    void start(Supplier<URI> target) {
        this.target = target;
        for (List<String> bodies : bodiesByPoster) {
            running.add(posters.submit(() -> {
                deliverAll(bodies);
                return null;
            }));
        }
    }

    /** Later deliveries (re-deliveries included) go where {@code target} says, e.g. to the instances still alive. */
    void retarget(Supplier<URI> target) {
        this.target = target;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Waits until at least {@code count} updates were acknowledged (a point in the load to strike at). */
    void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.get() + " of " + count + " updates acknowledged within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until every update was acknowledged; a poster's failure (e.g. too many deliveries) fails here. */
    void awaitAllAcknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> poster : running) {
            try {
                poster.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a poster failed: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("not all updates acknowledged within " + timeout + ": " + acknowledged.get()
                        + " of " + updates());
            }
        }
        assertEquals(updates(), acknowledged.get(), "updates acknowledged");
    }

    /**
     * Waits until the fake Bot API took as many replies to these chats as there were updates, gives a wrongly
     * repeated one time to show up, then asserts as {@link #assertEachAnsweredOnceInOrder()}.
     */
    void assertEachAnsweredOnceInOrder(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (replies().size() < updates() && System.nanoTime() < deadline) {
            TelegramHarness.sleep(100);
        }
        TelegramHarness.settle();
        assertEachAnsweredOnceInOrder();
    }

    /**
     * Asserts what the fake Bot API took so far: every chat got one reply per update, each answering its update, in
     * the order of its updates; and no reply was taken twice.
     */
    void assertEachAnsweredOnceInOrder() {
        List<FakeBotApi.Call> sent = replies();
        Map<Long, List<String>> repliesByChat = new HashMap<>();
        for (FakeBotApi.Call call : sent) {
            repliesByChat.computeIfAbsent(call.chatId(), c -> new ArrayList<>()).add(call.text());
        }
        List<String> wrong = new ArrayList<>();
        sentByChat.forEach((chat, commands) -> {
            List<String> replies = repliesByChat.getOrDefault(chat, List.of());
            boolean right = replies.size() == commands.size();
            for (int i = 0; right && i < commands.size(); i++) {
                right = replies.get(i).contains(REPLY_MARK.get(commands.get(i)));
            }
            if (!right) {
                wrong.add("chat " + chat + " sent " + commands + ", got " + replies.size() + " replies: "
                        + replies.stream().map(WebhookLoad::answered).toList());
            }
        });
        assertThat(wrong).as("chats not answered exactly once each, in order (of %d; %d replies for %d updates)",
                chats, sent.size(), updates()).isEmpty();
        assertEquals(updates(), sent.size(), "replies taken by the Bot API, none twice");
    }

    /** Updates delivered more than once so far (refused, failed or cut off, then delivered again). */
    int redelivered() {
        return redelivered.get();
    }

    private List<FakeBotApi.Call> replies() {
        return fake.sentMessages().stream()
                .filter(call -> call.chatId() != null && call.chatId() >= firstChat && call.chatId() < firstChat + chats)
                .toList();
    }

    /** Which command a reply answers, for failure messages; "?" for a reply to none of them. */
    private static String answered(String reply) {
        return REPLY_MARK.entrySet().stream().filter(e -> reply.contains(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse("?");
    }

    private void deliverAll(List<String> bodies) throws InterruptedException {
        for (String body : bodies) {
            int deliveries = 0;
            while (!deliver(body)) {
                assertThat(++deliveries).as("deliveries of one update").isLessThan(MAX_DELIVERIES);
                redelivered.incrementAndGet();
                Thread.sleep(REDELIVERY_PAUSE.toMillis());
            }
            acknowledged.incrementAndGet();
            if (!pause.isZero()) {
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** One delivery; true when the webhook acknowledged it with a 2xx. */
    private boolean deliver(String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.get())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookRoute.SECRET_HEADER, TelegramHarness.WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            // The only refusals a working service gives: busy (429, 503) and its database down (503).
            assertThat(status).as("webhook status").isIn(429, 503);
            return false;
        } catch (IOException refusedOrCutOff) {
            // Not listening (killed, not yet restarted), connection reset by a crash, or timed out.
            return false;
        }
    }

    @Override
    public void close() {
        posters.shutdownNow();
    }
}
