package id.klinikumkm.bot.privacy;

import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.storage.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anonymises the chats whose cases were all closed more than the retention period ago and that wrote nothing
 * since ({@code retention.closed.case.days}), in batches, now and then. Safe with several instances: each batch
 * locks its chats with SKIP LOCKED and checks them again once locked, so two instances never take the same chat.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final int BATCH = 100;

    private final PersonalData data;
    private final Duration keep;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retention");
        thread.setDaemon(true);
        return thread;
    });

    /** @param clock tells the time the period is counted back from (tests move it by hand) */
    public RetentionJob(PersonalData data, int closedCaseDays, Clock clock) {
        if (closedCaseDays < 1) {
            throw new IllegalArgumentException("closedCaseDays must be at least 1");
        }
        this.data = data;
        this.keep = Duration.ofDays(closedCaseDays);
        this.clock = clock;
    }

    /** Looks every {@code everyMinutes}, the first time a minute after start-up. */
    public RetentionJob start(int everyMinutes) {
        timer.scheduleWithFixedDelay(this::runQuietly, 1, everyMinutes, TimeUnit.MINUTES);
        return this;
    }

    /** Anonymises every chat due now; returns how many this call anonymised. */
    public int runOnce() {
        Instant cutoff = clock.instant().minus(keep);
        int total = 0;
        int done;
        do {
            done = data.anonymiseClosedBefore(cutoff, BATCH);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.info("Retention: anonymised {} chats whose cases were closed before {}", total, cutoff);
        }
        return total;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed; tried again at the next look: {}", Failures.describe(e));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
