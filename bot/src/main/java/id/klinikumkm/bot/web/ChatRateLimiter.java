package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Keeps one web chat session, and one client address, from flooding the service: token buckets (Bucket4j)
 * per session and per address, forgotten after ten idle minutes. A person typing never meets the limits.
 */
final class ChatRateLimiter {
    private final int perSessionPerMinute;
    private final int perAddressPerMinute;
    private final Cache<String, Bucket> sessions = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    ChatRateLimiter(int perSessionPerMinute, int perAddressPerMinute) {
        this.perSessionPerMinute = perSessionPerMinute;
        this.perAddressPerMinute = perAddressPerMinute;
    }

    /** Takes one message's worth from both limits, or throws 429 saying how long to wait. */
    void check(String session, String address) {
        long waitNanos = Math.max(
                take(addresses.get(address, key -> bucket(perAddressPerMinute)), 1),
                take(sessions.get(session, key -> bucket(perSessionPerMinute)), 1));
        if (waitNanos > 0) {
            long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
            throw new ApiException(429, "Terlalu banyak pesan dalam waktu singkat. Silakan tunggu " + seconds
                    + " detik lalu kirim lagi.", seconds);
        }
    }

    private static long take(Bucket bucket, int tokens) {
        var probe = bucket.tryConsumeAndReturnRemaining(tokens);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /** A burst of a third of the minute's allowance, refilled evenly over the minute. */
    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, perMinute / 3))
                        .refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
