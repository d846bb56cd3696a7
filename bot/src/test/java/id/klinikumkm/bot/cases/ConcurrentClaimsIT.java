package id.klinikumkm.bot.cases;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one PostgreSQL; five consultants claim the same 100 queued cases at once,
 * through both instances. Every case is claimed exactly once, every winner is told so without an error, and
 * every loser is told who won.
 */
class ConcurrentClaimsIT {
    private static final int CASES = 100;
    private static final int CONSULTANTS = 5;

    /** One claim attempt and its answer. */
    record Attempt(String consultant, int status, boolean done, String message) {}

    @Test
    void every_case_is_claimed_exactly_once() throws Exception {
        String databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        try (Application first = Application.start(TestApp.config(databaseUrl, Map.of()));
             Application second = Application.start(TestApp.config(databaseUrl, Map.of()))) {
            seedQueue(databaseUrl);
            List<String> names = new ArrayList<>();
            List<HttpJson[]> clients = new ArrayList<>();
            for (int i = 1; i <= CONSULTANTS; i++) {
                String name = "Petugas Nomor" + i;
                String token = TestStaff.consultant(databaseUrl, "petugas" + i, name, "legal");
                names.add(name);
                clients.add(new HttpJson[] {new HttpJson(first.httpPort()).withBearer(token), new HttpJson(second.httpPort()).withBearer(token)});
            }
            Map<String, List<Attempt>> attempts = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CONSULTANTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONSULTANTS; c++) {
                int consultant = c;
                running.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int n = 1; n <= CASES; n++) {
                        order.add(n);
                    }
                    Collections.shuffle(order, new Random(consultant));
                    go.await();
                    for (int i = 0; i < order.size(); i++) {
                        String number = "KUM-2026-%05d".formatted(order.get(i));
                        HttpJson.Response response = clients.get(consultant)[i % 2].postJson("/api/consultant/cases/" + number + "/claim", Map.of());
                        boolean done = response.status() == 200 && response.json().get("done").asBoolean();
                        String message = response.status() < 500 ? response.json().get("message").asText() : response.body();
                        attempts.computeIfAbsent(number, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(new Attempt(names.get(consultant), response.status(), done, message));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> task : running) {
                task.get();
            }
            pool.shutdown();

            assertThat(attempts).hasSize(CASES);
            attempts.forEach((number, tries) -> {
                assertThat(tries).as(number).hasSize(CONSULTANTS);
                List<Attempt> won = tries.stream().filter(Attempt::done).toList();
                assertThat(won).as("winners of " + number).hasSize(1);
                assertThat(won.get(0).status()).isEqualTo(200);
                String winner = won.get(0).consultant();
                assertThat(tries.stream().filter(t -> !t.done())).as("losers of " + number)
                        .allSatisfy(lost -> assertThat(lost).extracting(Attempt::status, Attempt::message)
                                .containsExactly(409, "Kasus ini sudah diambil oleh " + winner + "."));
                assertThat(Sql.row(databaseUrl, "SELECT k.status, a.display_name FROM cases k JOIN accounts a ON a.id = k.assigned_to"
                        + " WHERE k.number = '" + number + "'")).containsEntry("status", "in_progress").containsEntry("display_name", winner);
            });
            assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM case_events WHERE kind = 'claimed'")).isEqualTo(CASES);
            assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE direction = 'out' AND body LIKE '%sekarang ditangani%'"))
                    .as("each user told once").isEqualTo(CASES);
        }
    }

    private static void seedQueue(String databaseUrl) {
        Sql.execute(databaseUrl, """
                INSERT INTO chats (channel, external_id, consent_at)
                SELECT 'web', 'claims-chat-' || lpad(g::text, 12, '0'), now() FROM generate_series(1, 100) g;
                INSERT INTO case_numbers (year, last) VALUES (2026, 100);
                INSERT INTO cases (number, chat_id, channel, submission, needs, kecamatan, full_name, product, phone, description)
                SELECT 'KUM-2026-' || lpad(g::text, 5, '0'), c.id, 'web', 'claims' || lpad(g::text, 6, '0'), ARRAY['other'],
                       'Kraksaan', 'Pengguna Uji', 'keripik', '+6281234567890', 'keterangan uji'
                FROM generate_series(1, 100) g JOIN chats c ON c.external_id = 'claims-chat-' || lpad(g::text, 12, '0');
                """);
    }
}
