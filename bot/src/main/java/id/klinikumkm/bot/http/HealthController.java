package id.klinikumkm.bot.http;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /health}: the process is up. {@code /ready}: it can serve, i.e. the database answers. */
public final class HealthController implements Routes {
    private final BooleanSupplier databaseReachable;
    private final String version;

    public HealthController(BooleanSupplier databaseReachable, String version) {
        this.databaseReachable = databaseReachable;
        this.version = version;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "up", "version", version)));
        routes.get("/ready", ctx -> {
            boolean ready = databaseReachable.getAsBoolean();
            ctx.status(ready ? 200 : 503).json(Map.of(
                    "status", ready ? "ready" : "not ready",
                    "database", ready ? "up" : "down",
                    "version", version));
        });
    }
}
