package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.storage.SettingsDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls setWebhook only when Telegram's registration differs from ours, so restarts and several instances
 * do not each call it (Telegram answers repeated calls with 429). The secret cannot be read back from
 * getWebhookInfo, so a fingerprint of what we last registered is kept in the settings table.
 */
final class WebhookRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);
    private static final String FINGERPRINT_KEY = "telegram.webhook.fingerprint";

    private final TelegramClient client;
    private final SettingsDao settings;

    WebhookRegistrar(TelegramClient client, SettingsDao settings) {
        this.client = client;
        this.settings = settings;
    }

    /** @return true if setWebhook was called */
    boolean ensure(String url, String secret, int maxConnections, List<String> allowedUpdates) throws TelegramApiException {
        String fingerprint = fingerprint(url, secret, maxConnections, allowedUpdates);
        WebhookInfo current = client.execute(new GetWebhookInfo());
        boolean same = url.equals(current.getUrl())
                && Objects.equals(current.getMaxConnections(), maxConnections)
                && allowedUpdates.equals(current.getAllowedUpdates() == null ? List.of() : current.getAllowedUpdates())
                && settings.get(FINGERPRINT_KEY).map(fingerprint::equals).orElse(false);
        if (same) {
            LOG.info("Telegram webhook already registered; not calling setWebhook");
            return false;
        }
        client.execute(SetWebhook.builder()
                .url(url)
                .secretToken(secret)
                .maxConnections(maxConnections)
                .allowedUpdates(allowedUpdates)
                .build());
        settings.put(FINGERPRINT_KEY, fingerprint);
        LOG.info("Telegram webhook registered");
        return true;
    }

    private static String fingerprint(String url, String secret, int maxConnections, List<String> allowedUpdates) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String joined = url + "\n" + secret + "\n" + maxConnections + "\n" + String.join(",", allowedUpdates);
            return HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
