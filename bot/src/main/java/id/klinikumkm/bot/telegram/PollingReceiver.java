package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.logging.Failures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling on the TelegramBots library with executors we own. The offset Telegram sees comes from
 * what we recorded, not from what the library received: a batch that could not be recorded is asked for
 * again, so nothing is confirmed to Telegram before it is in the database.
 */
final class PollingReceiver implements LongPollingUpdateConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(PollingReceiver.class);

    private final String token;
    private final TelegramUrl url;
    private final int timeoutSeconds;
    private final UpdateIntake intake;
    private final AtomicLong recordedUpTo = new AtomicLong(0);
    private final ScheduledExecutorService pollingExecutor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "telegram-polling"));
    private final ScheduledExecutorService starter =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "telegram-polling-start"));
    private volatile TelegramBotsLongPollingApplication application;
    private volatile BotSession session;

    PollingReceiver(String token, TelegramUrl url, int timeoutSeconds, UpdateIntake intake) {
        this.token = token;
        this.url = url;
        this.timeoutSeconds = timeoutSeconds;
        this.intake = intake;
    }

    /** Starts polling in the background, retrying until Telegram is reachable. */
    void start() {
        starter.execute(this::register);
    }

    private void register() {
        try {
            OkHttpClient http = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(timeoutSeconds + 15L))
                    .build();
            application = new TelegramBotsLongPollingApplication(
                    TelegramJson::create, () -> http, () -> pollingExecutor);
            session = application.registerBot(token, () -> url, this::nextGetUpdates, this);
            LOG.info("Telegram long polling started");
        } catch (Exception e) {
            LOG.warn("Telegram long polling could not start ({}); retrying in 10 s", Failures.describe(e));
            closeApplication();
            starter.schedule(this::register, 10, TimeUnit.SECONDS);
        }
    }

    private GetUpdates nextGetUpdates(Integer libraryLastReceived) {
        return GetUpdates.builder()
                .offset((int) (recordedUpTo.get() + 1))
                .limit(100)
                .timeout(timeoutSeconds)
                .allowedUpdates(TelegramChannel.ALLOWED_UPDATES)
                .build();
    }

    @Override
    public void consume(List<Update> updates) {
        long highest = recordedUpTo.get();
        try {
            for (Update update : updates) {
                intake.accept(update);
                highest = Math.max(highest, update.getUpdateId());
            }
            recordedUpTo.set(highest);
        } catch (InterruptedException e) {
            // Stopping: what was not recorded is asked for again by the next getUpdates.
            recordedUpTo.set(highest);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Ask again from the first unrecorded update; the library would otherwise filter the resend out.
            recordedUpTo.set(highest);
            BotSession current = session;
            if (current != null) {
                current.getLastReceivedUpdate().set((int) highest);
            }
            LOG.warn("Could not record Telegram updates ({}); Telegram will deliver them again", Failures.describe(e));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void stop() {
        starter.shutdownNow();
        closeApplication();
        pollingExecutor.shutdownNow();
        try {
            pollingExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeApplication() {
        TelegramBotsLongPollingApplication current = application;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debug("closing long polling: {}", e.toString());
            }
        }
    }
}
