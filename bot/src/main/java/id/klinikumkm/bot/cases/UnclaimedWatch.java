package id.klinikumkm.bot.cases;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Now and then, reports the cases nobody took within the configured time (see {@link ConsultantDesk#reportUnclaimed}). */
public final class UnclaimedWatch implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "unclaimed-cases");
        thread.setDaemon(true);
        return thread;
    });

    public UnclaimedWatch(ConsultantDesk desk, int minutes, int everySeconds) {
        timer.scheduleWithFixedDelay(() -> desk.reportUnclaimed(minutes), everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
