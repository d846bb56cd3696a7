package id.klinikumkm.bot.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load like wrk's: each connection sends its next request as soon as the previous answer came
 * back, for as long as the phase lasts. A connection takes whichever user is idle, so no user ever has two
 * requests in flight and 200 users share 64 connections. A 429 or 503 is back-pressure: the user's same request is
 * delivered again after the Retry-After the service gave (a quarter second without one), as Telegram would, and
 * the connection moves on to another user meanwhile.
 */
final class ClosedLoopLoad {
    private static final long DEFAULT_RETRY_MILLIS = 250;
    private static final long MAX_RETRY_MILLIS = 5_000;

    private final HttpClient http;
    private final ScheduledExecutorService retries;
    private final int connections;

    ClosedLoopLoad(HttpClient http, ScheduledExecutorService retries, int connections) {
        this.http = http;
        this.retries = retries;
        this.connections = connections;
    }

    LoadResult run(LoadTarget target, List<SimulatedUser> users, Duration duration) throws InterruptedException {
        BlockingQueue<SimulatedUser> idle = new LinkedBlockingQueue<>(users);
        LongAdder answered = new LongAdder();
        LongAdder backPressure = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        Instant start = Instant.now();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[][] own = {new long[1024]};
            int[] count = {0};
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    SimulatedUser user;
                    try {
                        user = idle.poll(50, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (user == null) {
                        continue;
                    }
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(target.request(user), HttpResponse.BodyHandlers.ofString());
                        int status = response.statusCode();
                        if (status / 100 == 2) {
                            if (count[0] == own[0].length) {
                                own[0] = Arrays.copyOf(own[0], own[0].length * 2);
                            }
                            own[0][count[0]++] = System.nanoTime() - sent;
                            answered.increment();
                            target.answered(user, response.body());
                        } else if (status == 429 || status == 503) {
                            backPressure.increment();
                            long delay = retryMillis(response);
                            retries.schedule(() -> idle.add(user), delay, TimeUnit.MILLISECONDS);
                            continue;
                        } else {
                            errors.increment();
                            firstError.compareAndSet(null, "HTTP " + status + ": " + abbreviate(response.body()));
                        }
                    } catch (IOException e) {
                        errors.increment();
                        firstError.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                    user.advance();
                    idle.add(user);
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(own[0], count[0]));
                }
            }, "bench-connection-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Instant end = Instant.now();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return LoadResult.of(start, end, answered.sum(), backPressure.sum(), errors.sum(), all, firstError.get());
    }

    /** The Retry-After of a back-pressure answer in milliseconds, capped; a quarter second without one. */
    static long retryMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(seconds -> {
                    try {
                        return Math.min(MAX_RETRY_MILLIS, (long) (Double.parseDouble(seconds) * 1000));
                    } catch (NumberFormatException e) {
                        return DEFAULT_RETRY_MILLIS;
                    }
                })
                .orElse(DEFAULT_RETRY_MILLIS);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
    }
}
