package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limits on a hand-driven clock: what each window may hold, without waiting for it. */
class SendLimitsTest {
    private long now = 0;
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final SendLimits limits = new SendLimits(clock);

    @Test
    void a_private_chat_gets_a_burst_of_three_then_one_a_second() {
        assertEquals(3, sendable("12345", Duration.ZERO));
        assertEquals(1, sendable("12345", Duration.ofSeconds(1)));
        // A quiet chat saves up no more than the burst.
        assertEquals(3, sendable("12345", Duration.ofSeconds(60)));
    }

    @Test
    void a_group_gets_at_most_twenty_in_any_minute() {
        int sent = 0;
        for (int second = 0; second < 60; second++) {
            sent += sendable("-100777", Duration.ofSeconds(1));
        }
        assertThat(sent).isLessThanOrEqualTo(20).isGreaterThanOrEqualTo(17);
    }

    @Test
    void overall_at_most_twenty_nine_in_a_second_even_when_asked_every_millisecond() {
        int sent = 0;
        for (int millis = 0; millis <= 1000; millis++) {
            while (limits.tryGlobal()) {
                sent++;
            }
            now += Duration.ofMillis(1).toNanos();
        }
        assertEquals(SendLimits.GLOBAL_BURST + SendLimits.GLOBAL_PER_SECOND, sent);
        assertThat(sent).isLessThan(30);
    }

    private int sendable(String chat, Duration after) {
        now += after.toNanos();
        int count = 0;
        while (limits.tryChat(chat) == 0) {
            count++;
        }
        return count;
    }
}
