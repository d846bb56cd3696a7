package id.klinikumkm.bot.bench;

import java.time.Instant;
import java.util.Arrays;

/**
 * What one load phase saw from the client side.
 *
 * @param answered     requests answered 2xx
 * @param backPressure requests answered 429 or 503, delivered again later
 * @param errors       other statuses, timeouts and connection failures
 * @param latencies    of the 2xx answers, in nanoseconds, sorted
 */
record LoadResult(Instant start, Instant end, long answered, long backPressure, long errors, long[] latencies,
                  String firstError) {

    double seconds() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
    }

    double requestsPerSecond() {
        return answered / seconds();
    }

    /** The latency at {@code fraction} (0.99 for p99), in ms; NaN when nothing was answered. */
    double latencyMillis(double fraction) {
        return Percentiles.millis(latencies, fraction);
    }

    static LoadResult of(Instant start, Instant end, long answered, long backPressure, long errors, long[] latencies,
                         String firstError) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new LoadResult(start, end, answered, backPressure, errors, sorted, firstError);
    }
}
