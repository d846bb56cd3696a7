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
import java.util.concurrent.locks.LockSupport;

/**
 * A load at a fixed rate, like wrk2's: request k is due at start + k / rate whatever the answers, and its latency
 * counts from when it was due, not from when it went out, so a service that falls behind shows its backlog in the
 * latencies instead of slowing the arrivals down (a closed loop measures its own queue: latency = connections ÷
 * throughput). A pacer thread issues the due times; each of the connections takes the oldest, then an idle user
 * (no user has two requests in flight), and sends. A request due while every connection or every user is busy
 * waits, and that wait counts. A 429 or 503 is back-pressure: the user's same request is delivered again after
 * the Retry-After, and its latency still counts from when it was first due.
 */
final class PacedLoad {
    private final HttpClient http;
    private final ScheduledExecutorService retries;
    private final int connections;

    PacedLoad(HttpClient http, ScheduledExecutorService retries, int connections) {
        this.http = http;
        this.retries = retries;
        this.connections = connections;
    }

    LoadResult run(LoadTarget target, List<SimulatedUser> users, double perSecond, Duration duration)
            throws InterruptedException {
        Phase phase = new Phase(target, users);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(phase::work, "bench-paced-" + i);
            thread.start();
            threads.add(thread);
        }
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        long end = startNanos + duration.toNanos();
        long issued = 0;
        for (long now = startNanos; now < end; now = System.nanoTime()) {
            long due = (long) ((now - startNanos) / 1e9 * perSecond);
            for (; issued < due; issued++) {
                phase.issue(new Ticket(startNanos + (long) (issued * 1e9 / perSecond), null));
            }
            LockSupport.parkNanos(200_000);
        }
        Instant loadEnd = Instant.now();
        phase.finish(Duration.ofSeconds(30));
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join();
        }
        return LoadResult.of(start, loadEnd, phase.answered.sum(), phase.backPressure.sum(), phase.errors.sum(),
                phase.latencies(), phase.firstError.get());
    }

    /** A request due at {@code dueNanos}; {@code user} is set when it is a refused request delivered again. */
    private record Ticket(long dueNanos, SimulatedUser user) {}

    /** The tickets, users and counters of one run. */
    private final class Phase {
        final LoadTarget target;
        final BlockingQueue<Ticket> tickets = new LinkedBlockingQueue<>();
        final BlockingQueue<SimulatedUser> idle;
        /** Tickets issued and not yet answered, including refused ones waiting for their Retry-After. */
        final LongAdder outstanding = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder backPressure = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final List<long[]> latencies = new ArrayList<>();

        Phase(LoadTarget target, List<SimulatedUser> users) {
            this.target = target;
            this.idle = new LinkedBlockingQueue<>(users);
        }

        void work() {
            long[] own = new long[1024];
            int count = 0;
            try {
                while (true) {
                    Ticket ticket = tickets.take();
                    SimulatedUser user = ticket.user() != null ? ticket.user() : idle.take();
                    Long latency = send(user, ticket.dueNanos());
                    if (latency != null) {
                        if (count == own.length) {
                            own = Arrays.copyOf(own, count * 2);
                        }
                        own[count++] = latency;
                    }
                }
            } catch (InterruptedException e) {
                // The run is over.
            } finally {
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(own, count));
                }
            }
        }

        void issue(Ticket ticket) {
            outstanding.increment();
            tickets.add(ticket);
        }

        /** Sends the user's request; its latency from due when answered 2xx, else null. */
        private Long send(SimulatedUser user, long dueNanos) throws InterruptedException {
            try {
                HttpResponse<String> response = http.send(target.request(user), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status == 503) {
                    backPressure.increment();
                    retries.schedule(() -> issue(new Ticket(dueNanos, user)), ClosedLoopLoad.retryMillis(response), TimeUnit.MILLISECONDS);
                    return null;
                }
                Long latency = null;
                if (status / 100 == 2) {
                    latency = System.nanoTime() - dueNanos;
                    answered.increment();
                    target.answered(user, response.body());
                } else {
                    errors.increment();
                    firstError.compareAndSet(null, "HTTP " + status);
                }
                user.advance();
                idle.add(user);
                return latency;
            } catch (IOException e) {
                errors.increment();
                firstError.compareAndSet(null, e.toString());
                user.advance();
                idle.add(user);
                return null;
            } finally {
                outstanding.decrement();
            }
        }

        /** Waits, at most {@code cap}, until every issued request was answered. */
        void finish(Duration cap) throws InterruptedException {
            long deadline = System.nanoTime() + cap.toNanos();
            while (outstanding.sum() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        long[] latencies() {
            synchronized (latencies) {
                return latencies.stream().flatMapToLong(Arrays::stream).toArray();
            }
        }
    }
}
