package id.klinikumkm.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of the service over a phase: polls its {@code /metrics} twice a second and sums the
 * {@code jvm_memory_used_bytes} series of {@code area="heap"} (one per pool). Sampling misses spikes shorter than
 * the interval; good enough to see a heap running into its cap.
 */
final class HeapSampler implements AutoCloseable {
    private static final String SERIES = "jvm_memory_used_bytes{";

    private final HttpClient http;
    private final HttpRequest scrape;
    private final AtomicLong peak = new AtomicLong(-1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private HeapSampler(HttpClient http, String baseUrl) {
        this.http = http;
        this.scrape = HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).timeout(Duration.ofSeconds(5)).build();
    }

    static HeapSampler start(HttpClient http, String baseUrl) {
        HeapSampler sampler = new HeapSampler(http, baseUrl);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, 500, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            String metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            long heap = heapBytes(metrics);
            if (heap >= 0) {
                peak.accumulateAndGet(heap, Math::max);
            }
        } catch (Exception e) {
            // A scrape that times out under load is skipped; the next one counts.
        }
    }

    /** The sum of the heap pools, or -1 when the series is missing (metrics changed). */
    static long heapBytes(String metrics) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(SERIES) && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }

    /** Peak heap in bytes, or -1 when no sample had the series. */
    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
