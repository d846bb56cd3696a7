package id.klinikumkm.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load over the webhook, as Telegram delivers under a backlog: updates arrive at a fixed rate whatever
 * the service answers, so a slow service does not slow the arrivals down (a closed loop would, and hide the
 * overload). Each update is new (a new update_id) for one of the chats in turn. An update the service refuses (429
 * or 503), or whose request fails or times out, is delivered again later with the same body, after the
 * Retry-After or {@link #RETRY_WITHOUT_HINT}, until it is answered 2xx. Requests in flight are capped, as Telegram
 * caps connections per bot (max_connections): an arrival that finds the cap reached is deferred, i.e. waits in
 * line and goes out, before newer arrivals, as soon as a request comes back.
 */
final class OpenLoopLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_WITHOUT_HINT = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI webhook;
    private final String secret;
    private final TelegramUpdates updates;
    private final List<SimulatedUser> chats;
    private final Semaphore slots;
    private final int inFlightCap;

    /** Deliveries waiting for a free slot; only the dispatcher thread touches it. */
    private final Queue<Delivery> waiting = new ArrayDeque<>();
    /** Deliveries refused or failed, until their retry is due. */
    private final DelayQueue<Delivery> retries = new DelayQueue<>();
    private final Queue<Long> acceptLatencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong generated = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder backPressure = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder otherStatuses = new LongAdder();
    private final LongAdder deferred = new LongAdder();
    private final AtomicLong firstId = new AtomicLong(-1);
    private volatile String firstFailure;
    private volatile long acceptedWhenLoadEnded = -1;

    OpenLoopLoad(HttpClient http, String webhookUrl, String secret, TelegramUpdates updates, List<SimulatedUser> chats,
                 int inFlightCap) {
        this.http = http;
        this.webhook = URI.create(webhookUrl);
        this.secret = secret;
        this.updates = updates;
        this.chats = chats;
        this.inFlightCap = inFlightCap;
        this.slots = new Semaphore(inFlightCap);
    }

    /**
     * Offers {@code perSecond} new updates a second for {@code duration}, then keeps re-delivering until every
     * update was accepted or {@code redeliveryCap} has passed; {@code everyTenSeconds} runs on the way, for progress.
     */
    OverloadResult run(double perSecond, Duration duration, Duration redeliveryCap, Runnable everyTenSeconds) {
        firstId.set(updates.peekNextUpdateId());
        long start = System.nanoTime();
        long loadEnd = start + duration.toNanos();
        long redeliveryEnd = loadEnd + redeliveryCap.toNanos();
        long nextProgress = start + TimeUnit.SECONDS.toNanos(10);
        Instant startedAt = Instant.now();
        Instant endedAt = null;
        int chat = 0;
        while (true) {
            long now = System.nanoTime();
            for (Delivery due = retries.poll(); due != null; due = retries.poll()) {
                waiting.add(due);
            }
            sendWhileSlotsFree();
            if (now < loadEnd) {
                long arrivals = (long) ((now - start) / 1e9 * perSecond);
                while (generated.get() < arrivals) {
                    SimulatedUser user = chats.get(chat++ % chats.size());
                    Delivery delivery = new Delivery(updates.next(user));
                    user.advance();
                    generated.incrementAndGet();
                    if (!waiting.isEmpty() || !slots.tryAcquire()) {
                        deferred.increment();
                        waiting.add(delivery);
                    } else {
                        send(delivery);
                    }
                }
            } else if (endedAt == null) {
                endedAt = Instant.now();
                acceptedWhenLoadEnded = accepted.sum();
            } else if (accepted.sum() >= generated.get() || now > redeliveryEnd) {
                break;
            }
            if (now >= nextProgress) {
                everyTenSeconds.run();
                nextProgress += TimeUnit.SECONDS.toNanos(10);
            }
            LockSupport.parkNanos(1_000_000);
        }
        Instant allAcceptedAt = accepted.sum() >= generated.get() ? Instant.now() : null;
        long[] latencies = acceptLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new OverloadResult(perSecond, firstId.get(), generated.get(), startedAt, endedAt, allAcceptedAt,
                acceptedWhenLoadEnded, accepted.sum(), backPressure.sum(), failures.sum(), otherStatuses.sum(),
                deferred.sum(), inFlightCap, latencies, firstFailure);
    }

    /** One line for progress: what was offered, accepted, refused and is waiting so far. */
    String status() {
        return String.format("offered %d, accepted %d, back-pressure %d, failed %d, deferred %d, in flight %d, waiting %d",
                generated.get(), accepted.sum(), backPressure.sum(), failures.sum() + otherStatuses.sum(), deferred.sum(),
                inFlightCap - slots.availablePermits(), waiting.size() + retries.size());
    }

    private void sendWhileSlotsFree() {
        while (!waiting.isEmpty() && slots.tryAcquire()) {
            send(waiting.poll());
        }
    }

    private void send(Delivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(UpdatePoster.SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                .build();
        long sent = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            slots.release();
            if (failure != null) {
                failures.increment();
                noteFirstFailure(failure.toString());
                retryLater(delivery, RETRY_WITHOUT_HINT);
            } else if (response.statusCode() / 100 == 2) {
                acceptLatencies.add(System.nanoTime() - sent);
                accepted.increment();
            } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                backPressure.increment();
                retryLater(delivery, retryAfter(response));
            } else {
                // Telegram re-delivers on any answer but 2xx, so do we; counted apart, they should not happen.
                otherStatuses.increment();
                noteFirstFailure("HTTP " + response.statusCode());
                retryLater(delivery, RETRY_WITHOUT_HINT);
            }
        });
    }

    private void noteFirstFailure(String what) {
        if (firstFailure == null) {
            firstFailure = what;
        }
    }

    private void retryLater(Delivery delivery, Duration after) {
        delivery.dueNanos = System.nanoTime() + after.toNanos();
        retries.add(delivery);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(seconds -> {
            try {
                Duration hinted = Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000));
                return hinted.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : hinted;
            } catch (NumberFormatException e) {
                return RETRY_WITHOUT_HINT;
            }
        }).orElse(RETRY_WITHOUT_HINT);
    }

    /** One update with the body it keeps across deliveries (same update_id), and when it may go out again. */
    private static final class Delivery implements Delayed {
        final String body;
        volatile long dueNanos;

        Delivery(String body) {
            this.body = body;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Delivery) other).dueNanos);
        }
    }
}
