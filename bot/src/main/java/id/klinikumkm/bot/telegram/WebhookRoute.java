package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook on our own HTTP server. A call must carry the configured secret (compared in constant time);
 * it is answered 200 only once the update is durably recorded, and 503 when it cannot be or when the queue of
 * updates stayed full for a moment, so Telegram delivers it again later.
 */
final class WebhookRoute implements Routes {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoute.class);
    /** How long a call waits for room in a full queue before it is asked to come again. */
    private static final Duration ROOM_WAIT = Duration.ofSeconds(2);

    private final String path;
    private final byte[] secret;
    private final ObjectMapper json;
    private final UpdateIntake intake;

    WebhookRoute(String path, String secret, ObjectMapper json, UpdateIntake intake) {
        this.path = path;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.intake = intake;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(path, this::receive);
    }

    private void receive(Context ctx) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Webhook call refused: missing or wrong secret token");
            throw new ApiException(401, "Akses ditolak: token rahasia webhook tidak cocok.");
        }
        String body = ctx.body();
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Isi kiriman bukan pembaruan Telegram.");
        }
        if (update == null || update.getUpdateId() == null) {
            throw ApiException.badRequest("Isi kiriman bukan pembaruan Telegram.");
        }
        boolean taken;
        try {
            taken = intake.offer(update, body, ROOM_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Layanan sedang tidak tersedia. Silakan kirim ulang sebentar lagi.");
        } catch (RuntimeException e) {
            LOG.warn("Webhook update {} not recorded ({}); answering 503 so Telegram retries",
                    update.getUpdateId(), Failures.describe(e));
            throw new ApiException(503, "Layanan sedang tidak tersedia. Silakan kirim ulang sebentar lagi.");
        }
        if (!taken) {
            throw new ApiException(503, "Layanan sedang sibuk. Silakan kirim ulang sebentar lagi.", 1);
        }
        ctx.json(Map.of("ok", true));
    }
}
