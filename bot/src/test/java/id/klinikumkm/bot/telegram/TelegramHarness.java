package id.klinikumkm.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Telegram end-to-end test's world: a fake Bot API, a fresh database, and the service instances started
 * against them (closed in reverse by {@link #close()}).
 */
final class TelegramHarness implements AutoCloseable {
    static final String WEBHOOK_PATH = "/telegram/webhook";
    static final String WEBHOOK_SECRET = "test-secret_0123456789";
    static final Duration WAIT = Duration.ofSeconds(15);

    final FakeBotApi fake = FakeBotApi.start();
    final String databaseUrl;
    private final List<Application> apps = new ArrayList<>();

    TelegramHarness() {
        this(TestDatabases.embedded().freshDatabaseUrl());
    }

    TelegramHarness(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    Application polling() {
        return polling(databaseUrl);
    }

    Application polling(String database) {
        return started(Application.start(TestApp.config(database, common("polling"))));
    }

    /** Polling, with more configuration (for example another FAQ seed directory). */
    Application polling(Map<String, String> extra) {
        Map<String, String> values = common("polling");
        values.putAll(extra);
        return started(Application.start(TestApp.config(databaseUrl, values)));
    }

    Application webhook() {
        return webhook(databaseUrl);
    }

    Application webhook(String database) {
        return webhook(database, Map.of());
    }

    /** Webhook mode on {@code database}, with more configuration (for example shorter sweeps). */
    Application webhook(String database, Map<String, String> extra) {
        Map<String, String> values = common("webhook");
        values.put("telegram.webhook.url", "https://klinik.example.test" + WEBHOOK_PATH);
        values.put("telegram.webhook.secret", WEBHOOK_SECRET);
        values.putAll(extra);
        return started(Application.start(TestApp.config(database, values)));
    }

    /** Stops one instance early (a restart); the others stay up. */
    void stop(Application app) {
        apps.remove(app);
        app.close();
    }

    /** Waits until a count query on the service's database gives {@code expected}. */
    void awaitCount(String sql, long expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && Sql.count(databaseUrl, sql) != expected) {
            sleep(100);
        }
        assertEquals(expected, Sql.count(databaseUrl, sql), sql);
    }

    /** Gives a wrongly repeated answer time to show up before asserting that it did not. */
    static void settle() {
        sleep(1500);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
        apps.clear();
        fake.close();
    }

    private Application started(Application app) {
        apps.add(app);
        return app;
    }

    private Map<String, String> common(String mode) {
        Map<String, String> values = new HashMap<>();
        values.put("telegram.bot.token", FakeBotApi.TOKEN);
        values.put("telegram.mode", mode);
        values.put("telegram.api.url", fake.baseUrl());
        values.put("telegram.polling.timeout.seconds", "1");
        return values;
    }
}
