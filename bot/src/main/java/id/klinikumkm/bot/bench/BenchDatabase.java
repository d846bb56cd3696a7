package id.klinikumkm.bot.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A throwaway PostgreSQL for one bench run, durable like production (fsync and synchronous commit on, which
 * zonky turns off by default), with commit timestamps tracked so the time a turn committed can be read back.
 * The service and the bare route each get their own database on it.
 */
final class BenchDatabase implements AutoCloseable {
    static final String SERVICE_DATABASE = "klinik_bench_service";
    static final String BASELINE_DATABASE = "klinik_bench_baseline";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private BenchDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static BenchDatabase start(Path dataDirectory) {
        return start(dataDirectory, false);
    }

    /** With {@code statementStats}, {@code pg_stat_statements} is loaded and created in the service's database. */
    static BenchDatabase start(Path dataDirectory, boolean statementStats) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("track_commit_timestamp", "on")
                    .setServerConfig("max_connections", "200");
            if (statementStats) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            BenchDatabase database = new BenchDatabase(builder.start(), dataDirectory);
            database.createDatabases(statementStats);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createDatabases(boolean statementStats) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + SERVICE_DATABASE);
            statement.execute("CREATE DATABASE " + BASELINE_DATABASE);
            if (statementStats) {
                try (Connection service = connect(SERVICE_DATABASE); Statement create = service.createStatement()) {
                    create.execute("CREATE EXTENSION pg_stat_statements");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the bench databases: " + e.getMessage(), e);
        }
    }

    /** JDBC URL of one database, as the superuser (trust authentication on loopback). */
    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /**
     * The CPU time PostgreSQL has used so far (the postmaster and every backend and worker, both databases), in
     * nanoseconds; -1 where it cannot be read. Phases never overlap, so a phase's share is the difference.
     */
    long cpuNanos() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            return ProcessTreeCpu.nanos(postmaster);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The data directory is temporary; a server that did not stop cleanly is left to the OS.
        }
    }
}
