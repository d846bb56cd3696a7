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
 * {@code jvm_memory_used_bytes} series of {@code area="heap"} (one per pool), and likewise the committed heap and
 * the cap ({@code jvm_memory_max_bytes}; pools without a limit of their own report -1 and are left out, so with G1
 * the cap is the old generation's, which is -Xmx). Sampling misses spikes shorter than the interval; good enough
 * to see a heap running into its cap.
 */
final class HeapSampler implements AutoCloseable {
    private static final String USED = "jvm_memory_used_bytes{";
    private static final String COMMITTED = "jvm_memory_committed_bytes{";
    private static final String MAX = "jvm_memory_max_bytes{";

    private final HttpClient http;
    private final HttpRequest scrape;
    private final AtomicLong peak = new AtomicLong(-1);
    private final AtomicLong peakCommitted = new AtomicLong(-1);
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong samples = new AtomicLong();
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
                samples.incrementAndGet();
            }
            peakCommitted.accumulateAndGet(sum(metrics, COMMITTED), Math::max);
            max.accumulateAndGet(sum(metrics, MAX), Math::max);
        } catch (Exception e) {
            // A scrape that times out under load is skipped; the next one counts.
        }
    }

    /** The sum of the heap pools, or -1 when the series is missing (metrics changed). */
    static long heapBytes(String metrics) {
        return sum(metrics, USED);
    }

    /** The sum of the non-negative heap pools of one series, or -1 when there are none. */
    private static long sum(String metrics, String series) {
        double sum = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series) && line.contains("area=\"heap\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (value >= 0) {
                    sum += value;
                    found = true;
                }
            }
        }
        return found ? (long) sum : -1;
    }

    /** Peak heap in bytes, or -1 when no sample had the series. */
    long peakBytes() {
        return peak.get();
    }

    /** Peak committed heap in bytes, or -1 when no sample had the series. */
    long peakCommittedBytes() {
        return peakCommitted.get();
    }

    /** The heap's cap in bytes as the JVM reports it, or -1 when no sample had the series. */
    long maxBytes() {
        return max.get();
    }

    /** How many scrapes had the heap series (the others timed out or failed). */
    long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
