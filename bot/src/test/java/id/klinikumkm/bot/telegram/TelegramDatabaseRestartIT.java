package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.storage.EmbeddedPostgresServer;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.ServiceProcess;
import id.klinikumkm.bot.testing.Sql;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, fault tests: PostgreSQL stopped and started again in the middle of a load of webhook updates. While it
 * is down /ready says so (503) and the webhook refuses updates (503, delivered again as Telegram does); within 10
 * seconds of it being back /ready is 200 again and everything the outage held up is handled; every chat gets each
 * of its replies exactly once and in order.
 */
class TelegramDatabaseRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(2);

    @Test
    void the_service_rides_out_a_database_restart_under_load(@TempDir Path dir) throws Exception {
        long begin = System.nanoTime();
        int dbPort = ServiceProcess.freePort();
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, dbPort);
        String databaseUrl = server.jdbcUrl("postgres");
        TelegramHarness harness = new TelegramHarness(databaseUrl);
        try (WebhookLoad load = new WebhookLoad(harness.fake, 1_400_000, 30, 90, 8).pacedBy(Duration.ofMillis(40))) {
            // The shipped configuration but for the lease: a reply the Bot API took while the database was away can be
            // noted as sent only once it is back, and a short lease makes one that would go out again show up here.
            Application app = harness.webhook(databaseUrl, Map.of("telegram.outbox.lease.seconds", "5"));
            HttpJson http = new HttpJson(app.httpPort());
            URI webhook = WebhookLoad.webhookOf(app.httpPort());
            long started = System.nanoTime();
            load.start(() -> webhook);
            load.awaitAcknowledged(30, WAIT);

            server.close();
            long stopped = System.nanoTime();
            List<Integer> readyWhileDown = new ArrayList<>();
            long upAgainAt = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < upAgainAt) {
                readyWhileDown.add(http.get("/ready").status());
                Thread.sleep(200);
            }
            int acknowledgedWhileDown = load.acknowledged();
            server = EmbeddedPostgresServer.startDurable(data, dbPort);
            long back = System.nanoTime();

            assertThat(readyWhileDown).as("/ready while the database was down").isNotEmpty().containsOnly(503);
            awaitReady(http, back);
            load.awaitAllAcknowledged(RECOVERY.minusNanos(System.nanoTime() - back));
            awaitEverythingHandled(databaseUrl, back);
            long handled = System.nanoTime();

            load.assertEachAnsweredOnceInOrder(WAIT);
            System.out.printf("database restart: service up in %d ms; %d updates acknowledged before the outage ended, "
                            + "%d redelivered; up again %d ms after it was stopped, all handled %d ms later, all answered %d ms "
                            + "after that%n", (started - begin) / 1_000_000, acknowledgedWhileDown, load.redelivered(),
                    (back - stopped) / 1_000_000, (handled - back) / 1_000_000, (System.nanoTime() - handled) / 1_000_000);
            assertEquals(0, Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE delivery <> 'sent' AND direction = 'out'"),
                    "replies not sent");
        } finally {
            harness.close();
            server.close();
        }
    }

    private static void awaitReady(HttpJson http, long back) throws InterruptedException {
        int status = 0;
        while (status != 200 && System.nanoTime() - back < RECOVERY.toNanos()) {
            try {
                status = http.get("/ready").status();
            } catch (UncheckedIOException e) {
                status = 0;
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "/ready within " + RECOVERY + " of the database being back");
    }

    /** Every update recorded is handled (its replies queued) within the recovery time of the database being back. */
    private static void awaitEverythingHandled(String databaseUrl, long back) throws InterruptedException {
        String unhandled = "SELECT count(*) FROM processed_updates WHERE handled_at IS NULL";
        while (Sql.count(databaseUrl, unhandled) > 0 && System.nanoTime() - back < RECOVERY.toNanos()) {
            Thread.sleep(100);
        }
        assertEquals(0, Sql.count(databaseUrl, unhandled), "updates unhandled " + RECOVERY + " after the database was back");
    }
}
