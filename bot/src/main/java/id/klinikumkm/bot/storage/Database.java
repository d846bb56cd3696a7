package id.klinikumkm.bot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.klinikumkm.bot.config.AppConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pools, the schema migrations and Jdbi; owns the embedded server when there is one. Three pools,
 * one per purpose, so that no purpose can starve another under load: turns and pages, recording incoming
 * updates (and the readiness check), and sending replies.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final HikariDataSource intakeSource;
    private final HikariDataSource outboxSource;
    private final Jdbi jdbi;
    private final Jdbi intake;
    private final Jdbi outbox;
    private final Optional<EmbeddedPostgresServer> embedded;

    private Database(HikariDataSource dataSource, HikariDataSource intakeSource, HikariDataSource outboxSource,
                     Optional<EmbeddedPostgresServer> embedded) {
        this.dataSource = dataSource;
        this.intakeSource = intakeSource;
        this.outboxSource = outboxSource;
        this.embedded = embedded;
        this.jdbi = jdbi(dataSource);
        this.intake = jdbi(intakeSource);
        this.outbox = jdbi(outboxSource);
    }

    private static Jdbi jdbi(HikariDataSource source) {
        return Jdbi.create(source).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /** Connects (starting the embedded server if no URL is configured) and migrates the schema. */
    public static Database open(AppConfig.Db config) {
        Optional<EmbeddedPostgresServer> embedded = config.embedded()
                ? Optional.of(EmbeddedPostgresServer.startDurable(config.embeddedDir(), config.embeddedPort()))
                : Optional.empty();
        try {
            String url = config.url().orElseGet(() -> embedded.orElseThrow().jdbcUrl("postgres"));
            HikariDataSource dataSource = pool(config, url, "klinik-db", config.poolSize());
            try {
                migrate(dataSource);
            } catch (RuntimeException e) {
                dataSource.close();
                throw e;
            }
            LOG.info("Database ready ({})", config.embedded() ? "embedded PostgreSQL" : "external PostgreSQL");
            return new Database(dataSource, pool(config, url, "klinik-db-intake", config.intakePoolSize()),
                    pool(config, url, "klinik-db-outbox", config.outboxPoolSize()), embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static HikariDataSource pool(AppConfig.Db config, String url, String name, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        if (!config.user().isEmpty()) {
            hikari.setUsername(config.user());
        }
        if (!config.password().isEmpty()) {
            hikari.setPassword(config.password().value());
        }
        hikari.setMaximumPoolSize(size);
        hikari.setPoolName(name);
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        // Start even when the database is briefly unreachable; /ready reports it.
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    private static void migrate(HikariDataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    }

    /** For conversation turns, pages and everything without a pool of its own. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** For recording incoming updates. */
    public Jdbi intakeJdbi() {
        return intake;
    }

    /** For sending replies. */
    public Jdbi outboxJdbi() {
        return outbox;
    }

    /** True when a connection can be taken and answers a trivial query within a couple of seconds. */
    public boolean isReachable() {
        try (Connection connection = intakeSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        intakeSource.close();
        outboxSource.close();
        dataSource.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }
}
