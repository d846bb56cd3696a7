package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.HttpServer;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The plain-language privacy note ({@code /privasi}) that the consent questions link to. */
public final class PrivacyPage implements Routes {
    private final String html;

    public PrivacyPage() {
        try (InputStream in = PrivacyPage.class.getResourceAsStream("/web/privasi.html")) {
            if (in == null) {
                throw new IllegalStateException("web/privasi.html is missing from the jar");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/privasi", ctx -> ctx.header("Cache-Control", "no-cache").contentType(HttpServer.HTML_UTF8).result(html));
    }
}
