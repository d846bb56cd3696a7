package id.klinikumkm.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.klinikumkm.bot.telegram.TelegramJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code bench-baseline PORT JDBC_URL}, started by {@link LoadBench} in its own JVM, not meant for users: the bare
 * route the service is compared with. One POST route parses the body as a Telegram {@link Update} with the
 * service's own mapper, inserts it durably (autocommit, synchronous commit on) and answers {@code {"ok":true}};
 * {@code GET /ready} answers 200. The pool has the service's default size, so both compete for the same database
 * with the same number of connections.
 */
public final class BaselineServer {
    public static final String COMMAND = "bench-baseline";
    static final String ROUTE = "/baseline/update";
    private static final int POOL_SIZE = 10;
    private static final String INSERT = "INSERT INTO bench_updates (update_id, payload) VALUES (?, CAST(? AS jsonb))";

    private BaselineServer() {}

    public static int run(String[] args, PrintStream err) {
        if (args.length != 3) {
            err.println("Usage: java -jar klinik-bot.jar " + COMMAND + " PORT JDBC_URL (started by the bench command)");
            return 2;
        }
        HikariDataSource pool = pool(args[2]);
        createTable(pool);
        ObjectMapper json = TelegramJson.create();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.post(ROUTE, ctx -> receive(ctx, json, pool));
            config.routes.get("/ready", ctx -> ctx.result("ready"));
        });
        app.start("127.0.0.1", Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            pool.close();
        }, "shutdown"));
        return 0;
    }

    private static void receive(Context ctx, ObjectMapper json, HikariDataSource pool) throws Exception {
        String body = ctx.body();
        Update update = json.readValue(body, Update.class);
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, update.getUpdateId());
            insert.setString(2, body);
            insert.executeUpdate();
        }
        ctx.contentType("application/json").result("{\"ok\":true}");
    }

    private static HikariDataSource pool(String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("bench-baseline");
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    private static void createTable(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench_updates (
                        id bigserial PRIMARY KEY,
                        update_id bigint NOT NULL,
                        payload jsonb NOT NULL,
                        received_at timestamptz NOT NULL DEFAULT now())
                    """);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the baseline table: " + e.getMessage(), e);
        }
    }
}
