package id.klinikumkm.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the service's {@code GET /ready} every 250 ms with a 2 s timeout, as an orchestrator's readiness probe
 * would, on its own client so the load's connections cannot queue it. Records every answer that is not 200 (and
 * every timeout) with when it happened, and the longest time between two 200 answers: a service that stops
 * answering readiness under load would be taken out of rotation, which is what back-pressure is meant to avoid.
 */
final class ReadinessProbe implements AutoCloseable {
    private static final Duration EVERY = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One failed check: seconds since the probe started, and what came back. */
    record Failure(double atSeconds, String what) {}

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final HttpRequest ready;
    private final long started = System.nanoTime();
    private final List<Failure> failures = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-readiness-probe");
        thread.setDaemon(true);
        return thread;
    });
    private long checks;
    private long lastReadyNanos = started;
    private long longestGapNanos;
    private long stoppedNanos = -1;

    private ReadinessProbe(String baseUrl) {
        this.ready = HttpRequest.newBuilder(URI.create(baseUrl + "/ready")).timeout(TIMEOUT).build();
    }

    static ReadinessProbe start(String baseUrl) {
        ReadinessProbe probe = new ReadinessProbe(baseUrl);
        probe.timer.scheduleWithFixedDelay(probe::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    private void check() {
        String failure;
        try {
            int status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            failure = status == 200 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failure = e.getClass().getSimpleName();
        }
        long now = System.nanoTime();
        synchronized (this) {
            checks++;
            if (failure == null) {
                longestGapNanos = Math.max(longestGapNanos, now - lastReadyNanos);
                lastReadyNanos = now;
            } else {
                failures.add(new Failure((now - started) / 1e9, failure));
            }
        }
    }

    synchronized long checks() {
        return checks;
    }

    synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The longest time between two 200 answers (or from the start to the first), in ms. */
    synchronized double longestGapMillis() {
        long end = stoppedNanos < 0 ? System.nanoTime() : stoppedNanos;
        return Math.max(longestGapNanos, end - lastReadyNanos) / 1e6;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            stoppedNanos = System.nanoTime();
        }
    }
}
