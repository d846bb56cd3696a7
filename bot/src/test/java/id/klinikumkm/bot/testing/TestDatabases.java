package id.klinikumkm.bot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Real PostgreSQL servers for tests: an embedded one (always), and the server named by
 * {@code KLINIK_TEST_DB_URL} when that is set (CI sets it to the machine's PostgreSQL).
 * Each test gets a fresh database of its own, so tests never see each other's rows.
 */
public final class TestDatabases {
    public static final String EXTERNAL_URL_VARIABLE = "KLINIK_TEST_DB_URL";

    /** A server to create test databases on. */
    public record Target(String name, String adminUrl) {
        @Override
        public String toString() {
            return name;
        }

        /** Creates an empty database and returns its JDBC URL. */
        public String freshDatabaseUrl() {
            String database = "klinik_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            execute(adminUrl, "CREATE DATABASE " + database);
            if (!"embedded".equals(name)) {
                // The machine's server outlives the test run: drop what we made when the JVM exits.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(adminUrl, database)));
            }
            return withDatabase(adminUrl, database);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database set-up failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private static void dropQuietly(String adminUrl, String database) {
        try {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static volatile EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** Every configured server: the embedded one, plus the external one when configured. */
    public static Stream<Target> all() {
        List<Target> targets = new ArrayList<>();
        targets.add(embedded());
        external().ifPresent(targets::add);
        return targets.stream();
    }

    /** The embedded server, started once per test JVM with zonky's fast, non-durable settings. */
    public static Target embedded() {
        if (embedded == null) {
            synchronized (TestDatabases.class) {
                if (embedded == null) {
                    try {
                        embedded = EmbeddedPostgres.builder().start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
                    }
                }
            }
        }
        return new Target("embedded", embedded.getJdbcUrl("postgres", "postgres"));
    }

    public static java.util.Optional<Target> external() {
        String url = System.getenv(EXTERNAL_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Target("external", url));
    }

    /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + parameters;
    }
}
