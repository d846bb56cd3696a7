package id.klinikumkm.bot.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the service runs with under the bench (see config/application.properties): its own database on
 * the bench's PostgreSQL, Telegram in webhook mode against the fake Bot API, and web chat rate limits at their
 * maximum, because all simulated users come from one address (127.0.0.1).
 */
final class ServiceEnvironment {
    static final String WEBHOOK_PATH = "/telegram/webhook";
    static final String WEBHOOK_SECRET = "bench-webhook-secret";
    static final int RATE_PER_SESSION_PER_MINUTE = 10_000;
    static final int RATE_PER_ADDRESS_PER_MINUTE = 100_000;

    private ServiceEnvironment() {}

    static Map<String, String> of(String jdbcUrl, String fakeBotApiUrl, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KLINIK_DB_URL", jdbcUrl);
        env.put("KLINIK_HTTP_HOST", "127.0.0.1");
        env.put("KLINIK_HTTP_PORT", String.valueOf(port));
        env.put("TELEGRAM_BOT_TOKEN", "123:bench");
        env.put("TELEGRAM_MODE", "webhook");
        env.put("TELEGRAM_API_URL", fakeBotApiUrl);
        env.put("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + port + WEBHOOK_PATH);
        env.put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("KLINIK_CHAT_RATE_PER_SESSION_PER_MINUTE", String.valueOf(RATE_PER_SESSION_PER_MINUTE));
        env.put("KLINIK_CHAT_RATE_PER_ADDRESS_PER_MINUTE", String.valueOf(RATE_PER_ADDRESS_PER_MINUTE));
        // A fixed admin password keeps a generated one out of the log; nobody logs in.
        env.put("KLINIK_ADMIN_PASSWORD", "bench-admin-password");
        return env;
    }
}
