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
 * last {@link #GLOBAL_WINDOW} (a second and 10 ms, for clock jitter), counted from when the earlier calls ended ({@link #sent}), not began: a call arrives
 * before it ends, so however long calls take and however many are in flight, Telegram sees at most 29 in any second
 * (counted from their start, calls held up in the network arrived together with later ones, 31 in a second).
 * A token bucket of {@link #GLOBAL_BURST} at
 * {@link #GLOBAL_REFILL} a second spaces them out. A token bucket alone must trade pace for catching up (at most 29
 * in a second meant 25 a second with a burst of 4), and a sender held up a moment under load never made up for it;
 * with the window holding the bound, the bucket can refill faster and save up a few: a backlog leaves at about 29 a
 * second, so every whole second of a burst carries at least 25 replies and N replies leave within N / 30 s + 10 s
 * (issue 11; at 25 a second 3,000 took 120 s).
 */
final class SendLimits {
    static final int GLOBAL_PER_SECOND = 29;
    static final Duration GLOBAL_WINDOW = Duration.ofMillis(1010);
    private static final long IN_FLIGHT = Long.MAX_VALUE;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    static final int GLOBAL_BURST = 3;
    static final int GLOBAL_REFILL = 30;
    static final int CHAT_BURST = 3;
    static final int GROUP_BURST = 3;
    static final int GROUP_PER_MINUTE = 17;

    private final TimeMeter clock;
    /** When the calls of the last {@link #GLOBAL_PER_SECOND} messages ended (or IN_FLIGHT), oldest at {@link #oldest}; guarded by this. */
    private final long[] endedAt = new long[GLOBAL_PER_SECOND];
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

    /**
     * Waits until the overall limit allows one more message and counts it; returns the ticket to pass to
     * {@link #sent} when its call has ended, whatever its outcome (until then the limit counts it as in flight).
     */
    int awaitGlobal() throws InterruptedException {
        while (true) {
            int ticket;
            long wait;
            synchronized (this) {
                wait = waitNanos();
                ticket = wait == 0 ? take() : -1;
            }
            if (ticket >= 0) {
                return ticket;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The call of the message with this ticket has ended. */
    synchronized void sent(int ticket) {
        endedAt[ticket] = clock.currentTimeNanos();
    }

    /** Counts one more message, whose call ends at once, if the overall limit allows it now; for tests. */
    synchronized boolean tryGlobal() {
        if (waitNanos() > 0) {
            return false;
        }
        sent(take());
        return true;
    }

    /** 0 when a message may go now (and a bucket token was taken), else the nanoseconds to wait. Holds this. */
    private long waitNanos() {
        long now = clock.currentTimeNanos();
        if (filled == GLOBAL_PER_SECOND) {
            if (endedAt[oldest] == IN_FLIGHT) {
                return POLL_NANOS;
            }
            long windowWait = endedAt[oldest] + GLOBAL_WINDOW.toNanos() - now;
            if (windowWait > 0) {
                return windowWait;
            }
        }
        var probe = global.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private int take() {
        int ticket = oldest;
        endedAt[ticket] = IN_FLIGHT;
        oldest = (oldest + 1) % GLOBAL_PER_SECOND;
        filled = Math.min(GLOBAL_PER_SECOND, filled + 1);
        return ticket;
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
