package id.klinikumkm.bot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Posts each step as a Telegram update, as the Bot API does to a webhook: to the service's webhook route (with
 * the secret header) or to the bare route (which gets the same bodies, for both shapes of load).
 */
final class UpdatePoster implements LoadTarget {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final URI uri;
    private final String secret;
    private final TelegramUpdates updates;

    UpdatePoster(String url, String secret, TelegramUpdates updates) {
        this.uri = URI.create(url);
        this.secret = secret;
        this.updates = updates;
    }

    @Override
    public HttpRequest request(SimulatedUser user) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(user.body(updates::next)))
                .build();
    }
}
