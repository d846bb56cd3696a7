package id.klinikumkm.bot.storage;

import id.klinikumkm.bot.config.AppConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * {@code bench-outbox [PENDING] [CHATS] [DEFERRED]}: fills a throwaway embedded PostgreSQL with a Telegram backlog
 * (50,000 pending replies over 1,000 chats by default), leases the oldest reply of the {@code DEFERRED} chats (0 by
 * default) that waited longest, as the sender does with those in flight or waiting for their chat's pace, then
 * prints the outbox claim's plan and how long one claim of 30 takes, over 50 claims each rolled back. Prints
 * numbers; asserts nothing.
 */
public final class OutboxBench {
    public static final String COMMAND = "bench-outbox";
    public static final String USAGE = COMMAND + " [PENDING] [CHATS] [DEFERRED]";
    private static final int CLAIMS = 50;
    private static final int BATCH = 30;
    private static final int WARM_UP = 10;

    private OutboxBench() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int pending = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int chats = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int deferred = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (pending < 1 || chats < 1 || chats > pending || deferred < 0 || deferred > chats) {
            err.println("Usage: java -jar klinik-bot.jar " + USAGE + " (1 <= CHATS <= PENDING, 0 <= DEFERRED <= CHATS)");
            return 2;
        }
        Path dir = temporaryDirectory();
        AppConfig.Db throwaway = new AppConfig.Db(Optional.empty(), "", new AppConfig.Secret(""), 2, dir, 0);
        try (Database database = Database.open(throwaway)) {
            database.jdbi().useHandle(handle -> {
                seed(handle, pending, chats);
                defer(handle, deferred);
                out.printf("Backlog: %,d pending replies in %,d Telegram chats, the oldest reply of %,d of them leased"
                        + "%n%nPlan of one claim of %d:%n", pending, chats, deferred, BATCH);
                handle.useTransaction(tx -> {
                    plan(tx).forEach(line -> out.println("  " + line));
                    tx.rollback();
                });
                List<Double> millis = timings(handle, Math.min(BATCH, chats - deferred));
                out.printf("%nClaim of %d, %d runs: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", BATCH, CLAIMS,
                        millis.get(CLAIMS / 2), millis.get(CLAIMS * 95 / 100), millis.get(CLAIMS - 1));
            });
            return 0;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void seed(Handle handle, int pending, int chats) {
        handle.createUpdate("INSERT INTO chats (channel, external_id) SELECT 'telegram', 'bench-' || g FROM generate_series(1, :chats) g")
                .bind("chats", chats).execute();
        // In arrival order, as a burst queues them: each chat's replies interleaved with the others'.
        handle.createUpdate("""
                INSERT INTO messages (chat_id, seq, direction, author, kind, body, delivery)
                SELECT c.id, g, 'out', 'bot', 'text', 'Balasan uji ' || g, 'pending'
                FROM generate_series(1, :pending) g JOIN chats c ON c.external_id = 'bench-' || (1 + g % :chats)
                ORDER BY g
                """).bind("pending", pending).bind("chats", chats).execute();
        handle.execute("ANALYZE chats");
        handle.execute("ANALYZE messages");
    }

    /** The chats whose oldest replies are oldest: those the claim passes first. */
    private static void defer(Handle handle, int deferred) {
        handle.createUpdate("""
                UPDATE messages SET next_attempt_at = now() + interval '1 hour'
                WHERE id IN (SELECT min(id) FROM messages WHERE delivery = 'pending'
                             GROUP BY chat_id ORDER BY min(id) LIMIT :deferred)
                """).bind("deferred", deferred).execute();
        handle.execute("ANALYZE messages");
    }

    private static List<String> plan(Handle tx) {
        return tx.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + OutboxDao.CLAIM_DUE)
                .bind("channel", "telegram").bind("after", 0L).bind("upTo", Long.MAX_VALUE)
                .bind("limit", BATCH).bind("leaseSeconds", 60.0)
                .mapTo(String.class).list();
    }

    /**
     * Each claim in its own transaction, rolled back, so every run sees the same backlog; the first few warm the
     * JIT and are not counted. Sorted, in ms, from the call to the rows in hand (the round trip included).
     */
    private static List<Double> timings(Handle handle, int claimable) {
        List<Double> millis = new ArrayList<>();
        for (int i = -WARM_UP; i < CLAIMS; i++) {
            boolean counted = i >= 0;
            handle.useTransaction(tx -> {
                OutboxDao outbox = tx.attach(OutboxDao.class);
                long start = System.nanoTime();
                int claimed = new OutboxClaims(outbox, "telegram").claim(BATCH, 60).size();
                if (counted) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                if (claimed != claimable) {
                    throw new IllegalStateException("claimed " + claimed + " instead of " + claimable);
                }
                tx.rollback();
            });
        }
        Collections.sort(millis);
        return millis;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("klinik-bench-outbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
