package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * What the open-loop overload saw from Telegram's side.
 *
 * @param offeredPerSecond      the arrival rate
 * @param firstUpdateId         the first update_id of the load; the load used [first, first + generated - 1]
 * @param loadStarted           when arrivals began
 * @param loadEnded             when arrivals stopped
 * @param allAccepted           when the last update was answered 2xx, or null if some never were within the cap
 * @param acceptedWhileLoading  updates answered 2xx before arrivals stopped
 * @param backPressure          429/503 answers (each re-delivered later)
 * @param failures              requests that failed or timed out (each re-delivered later)
 * @param otherStatuses         other non-2xx answers (each re-delivered later)
 * @param deferred              arrivals that found the in-flight cap reached and waited for a free request
 * @param acceptLatencies       of the 2xx answers, in nanoseconds, sorted
 */
record OverloadResult(double offeredPerSecond, long firstUpdateId, long generated, Instant loadStarted,
                      Instant loadEnded, Instant allAccepted, long acceptedWhileLoading, long accepted,
                      long backPressure, long failures, long otherStatuses, long deferred, int inFlightCap,
                      long[] acceptLatencies, String firstFailure) {

    long lastUpdateId() {
        return firstUpdateId + generated - 1;
    }

    double loadSeconds() {
        return Duration.between(loadStarted, loadEnded).toMillis() / 1000.0;
    }

    double acceptedPerSecondWhileLoading() {
        return acceptedWhileLoading / loadSeconds();
    }

    /** Seconds from the end of arrivals to the last acceptance, or NaN when some update was never accepted. */
    double redeliverySeconds() {
        return allAccepted == null ? Double.NaN : Duration.between(loadEnded, allAccepted).toMillis() / 1000.0;
    }
}
