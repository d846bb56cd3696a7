package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.cases.AttachmentSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Photos and documents users sent, fetched from Telegram by file_id: getFile, then the download from the
 * configured Bot API address (the library's own download always goes to api.telegram.org).
 */
final class TelegramFiles implements AttachmentSource {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramFiles.class);
    /** Telegram's own limit for bots downloading a file. */
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final String fileBase;

    /** @param apiUrl the Bot API's address; the token is part of every file address and never logged */
    TelegramFiles(OkHttpTelegramClient client, OkHttpClient http, URI apiUrl, String token) {
        this.client = client;
        this.http = http;
        String base = apiUrl.toString();
        this.fileBase = (base.endsWith("/") ? base : base + "/") + "file/bot" + token + "/";
    }

    @Override
    public Optional<byte[]> fetch(String fileId) {
        try {
            File file = client.execute(GetFile.builder().fileId(fileId).build());
            if (file.getFilePath() == null) {
                return Optional.empty();
            }
            try (Response response = http.newCall(new Request.Builder().url(fileBase + file.getFilePath()).get().build()).execute()) {
                ResponseBody body = response.body();
                if (!response.isSuccessful() || body == null) {
                    LOG.warn("Telegram refused a file download: HTTP {}", response.code());
                    return Optional.empty();
                }
                try (InputStream in = body.byteStream()) {
                    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                    return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
                }
            }
        } catch (TelegramApiException | IOException | IllegalArgumentException e) {
            LOG.warn("Could not fetch a file from Telegram: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
