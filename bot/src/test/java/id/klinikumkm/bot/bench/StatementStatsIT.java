package id.klinikumkm.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's {@code --statements}: a real PostgreSQL with pg_stat_statements loaded, as the bench starts it. */
class StatementStatsIT {
    @TempDir
    static Path directory;
    private static BenchDatabase database;

    @BeforeAll
    static void start() {
        database = BenchDatabase.start(directory.resolve("pg"), true);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void counts_what_ran_in_the_service_database_since_the_reset_and_nothing_from_before() throws Exception {
        try (Connection connection = database.connect(BenchDatabase.SERVICE_DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE turns (id bigserial PRIMARY KEY, body text NOT NULL)");
            statement.execute("INSERT INTO turns (body) SELECT 'before the reset' FROM generate_series(1, 10)");
        }
        StatementStats stats = new StatementStats(database);
        stats.reset();
        try (Connection connection = database.connect(BenchDatabase.SERVICE_DATABASE);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO turns (body) VALUES (?)")) {
            for (int i = 0; i < 25; i++) {
                insert.setString(1, "turn " + i);
                insert.executeUpdate();
            }
        }
        try (Connection connection = database.connect(BenchDatabase.BASELINE_DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM pg_class");
        }

        List<StatementStats.Row> top = stats.top(10);

        StatementStats.Row insert = top.stream().filter(row -> row.query().startsWith("INSERT INTO turns (body) VALUES"))
                .findFirst().orElseThrow(() -> new AssertionError("no insert among " + top));
        assertEquals(25, insert.calls());
        assertEquals(25, insert.rows());
        assertTrue(insert.walRecords() >= 25, "each insert writes WAL: " + insert);
        assertTrue(top.stream().noneMatch(row -> row.query().contains("generate_series")), "from before the reset: " + top);
        assertTrue(top.stream().noneMatch(row -> row.query().contains("pg_class")), "another database's: " + top);
    }
}
