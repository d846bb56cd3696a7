package id.klinikumkm.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's sending limits: about 30 messages a second overall, about one a second per chat with a short burst,
 * and 20 a minute per group. Per chat and per group they are token buckets (Bucket4j), whose capacity plus their
 * refill in a window is what the window may hold: 3 + t in any t seconds per chat, 20 in any minute per group.
 *
 * <p>Overall a message may go when fewer than {@link #GLOBAL_PER_SECOND} (29, one below Telegram's 30) went in the
 * last {@link #GLOBAL_WINDOW} (a second and 10 ms, for clock jitter), and a token bucket of {@link #GLOBAL_BURST} at
 * {@link #GLOBAL_REFILL} a second spaces them out. A token bucket alone must trade pace for catching up (at most 29
 * in a second meant 25 a second with a burst of 4), and a sender held up a moment under load never made up for it;
 * with the window holding the bound, the bucket can refill faster and save up a few: a backlog leaves at about 29 a
 * second, so every whole second of a burst carries at least 25 replies and N replies leave within N / 30 s + 10 s
 * (issue 11; at 25 a second 3,000 took 120 s).
 */
final class SendLimits {
    static final int GLOBAL_PER_SECOND = 29;
    static final Duration GLOBAL_WINDOW = Duration.ofMillis(1010);
    static final int GLOBAL_BURST = 3;
    static final int GLOBAL_REFILL = 30;
    static final int CHAT_BURST = 3;
    static final int GROUP_BURST = 3;
    static final int GROUP_PER_MINUTE = 17;

    private final TimeMeter clock;
    /** When the last {@link #GLOBAL_PER_SECOND} messages went, oldest at {@link #oldest}; guarded by this. */
    private final long[] recent = new long[GLOBAL_PER_SECOND];
    private int oldest;
    private int filled;
    private final Bucket global;
    private final Cache<String, Bucket> chats = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    SendLimits() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a given clock, so tests can check the limits without waiting for them. */
    SendLimits(TimeMeter clock) {
        this.clock = clock;
        this.global = Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(GLOBAL_BURST).refillGreedy(GLOBAL_REFILL, Duration.ofSeconds(1)).build())
                .build();
    }

    /** Nanoseconds until the chat may get another message; 0 means a token was taken now. */
    long tryChat(String chatId) {
        var probe = chats.get(chatId, this::newChatBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Waits until the overall limit allows one more message, and counts it. */
    void awaitGlobal() throws InterruptedException {
        long wait;
        while ((wait = tryGlobalNanos()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Counts one more message against the overall limit if it allows one now, for tests and best-effort calls. */
    boolean tryGlobal() {
        return tryGlobalNanos() == 0;
    }

    /** 0 when a message was counted now, else the nanoseconds until one may go. */
    private synchronized long tryGlobalNanos() {
        long now = clock.currentTimeNanos();
        if (filled == GLOBAL_PER_SECOND) {
            long windowWait = recent[oldest] + GLOBAL_WINDOW.toNanos() - now;
            if (windowWait > 0) {
                return windowWait;
            }
        }
        var probe = global.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Math.max(1, probe.getNanosToWaitForRefill());
        }
        recent[oldest] = now;
        oldest = (oldest + 1) % GLOBAL_PER_SECOND;
        filled = Math.min(GLOBAL_PER_SECOND, filled + 1);
        return 0;
    }

    private Bucket newChatBucket(String chatId) {
        var builder = Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(CHAT_BURST).refillGreedy(1, Duration.ofSeconds(1)).build());
        if (chatId.startsWith("-")) {
            // Group and channel ids are negative.
            builder.addLimit(Bandwidth.builder().capacity(GROUP_BURST).refillGreedy(GROUP_PER_MINUTE, Duration.ofMinutes(1)).build());
        }
        return builder.build();
    }
}
