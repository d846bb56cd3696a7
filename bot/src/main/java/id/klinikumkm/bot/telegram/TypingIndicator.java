package id.klinikumkm.bot.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * "Typing…" only where a reply is not ready at once: the indicator is sent if the work on an update is still
 * running after a short delay, and not at all when the reply is quicker, so a burst of quick replies never
 * queues behind a burst of indicators. At most one per update, and updates of one chat are handled one at a time.
 */
final class TypingIndicator implements AutoCloseable {
    /** Long enough that a normal turn (tens of milliseconds) finishes first; short enough to reassure on a slow one. */
    static final Duration DEFAULT_DELAY = Duration.ofMillis(700);

    private final Consumer<String> send;
    private final Duration delay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "telegram-typing");
        thread.setDaemon(true);
        return thread;
    });

    /** @param send sends the indicator to a chat; must not block for long and must not throw */
    TypingIndicator(Consumer<String> send, Duration delay) {
        this.send = send;
        this.delay = delay;
    }

    /** Runs {@code work}, showing "typing…" in {@code chatId} only if it takes longer than the delay. */
    void whileWorking(String chatId, Runnable work) {
        ScheduledFuture<?> pending = timer.schedule(() -> send.accept(chatId), delay.toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            pending.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
