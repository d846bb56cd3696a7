package id.klinikumkm.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Telegram's sending limits as token buckets (Bucket4j): about 30 messages a second overall, about one a
 * second per chat with a short burst, and 20 a minute per group. Each bucket's capacity plus its refill in a
 * window is what the window may hold, so: at most 29 in any second overall (one below Telegram's 30, for
 * clock jitter), 3 + t in any t seconds per chat, 20 in any minute per group.
 */
final class SendLimits {
    static final int GLOBAL_BURST = 4;
    static final int GLOBAL_PER_SECOND = 25;
    static final int CHAT_BURST = 3;
    static final int GROUP_BURST = 3;
    static final int GROUP_PER_MINUTE = 17;

    private final TimeMeter clock;
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
                .addLimit(Bandwidth.builder().capacity(GLOBAL_BURST).refillGreedy(GLOBAL_PER_SECOND, Duration.ofSeconds(1)).build())
                .build();
    }

    /** Nanoseconds until the chat may get another message; 0 means a token was taken now. */
    long tryChat(String chatId) {
        var probe = chats.get(chatId, this::newChatBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Waits until the overall limit allows one more message. */
    void awaitGlobal() throws InterruptedException {
        global.asBlocking().consume(1);
    }

    /** Takes a token from the overall limit if one is free now, for tests and best-effort calls. */
    boolean tryGlobal() {
        return global.tryConsume(1);
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
