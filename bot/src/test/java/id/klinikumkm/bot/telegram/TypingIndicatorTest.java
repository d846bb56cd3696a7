package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** "Typing…" is shown for slow work only, once, and never after the work is done. */
class TypingIndicatorTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Test
    void slow_work_shows_typing_once() throws InterruptedException {
        try (TypingIndicator typing = new TypingIndicator(sent::add, Duration.ofMillis(50))) {
            typing.whileWorking("42", () -> sleep(600));
            Thread.sleep(200);
        }
        assertThat(sent).containsExactly("42");
    }

    @Test
    void quick_work_shows_nothing_even_later() throws InterruptedException {
        try (TypingIndicator typing = new TypingIndicator(sent::add, Duration.ofMillis(400))) {
            for (int i = 0; i < 20; i++) {
                typing.whileWorking("chat-" + i, () -> { });
            }
            Thread.sleep(700);
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void failing_work_still_cancels_the_indicator() throws InterruptedException {
        try (TypingIndicator typing = new TypingIndicator(sent::add, Duration.ofMillis(300))) {
            try {
                typing.whileWorking("7", () -> {
                    throw new IllegalStateException("turn failed");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("turn failed");
            }
            Thread.sleep(600);
        }
        assertThat(sent).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
