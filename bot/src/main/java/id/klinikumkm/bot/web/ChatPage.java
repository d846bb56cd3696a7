package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.HttpServer;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the web chat page; its script talks to {@link WebChatController}. */
public final class ChatPage implements Routes {
    private final String html;

    public ChatPage() {
        try (InputStream in = ChatPage.class.getResourceAsStream("/web/chat.html")) {
            if (in == null) {
                throw new IllegalStateException("web/chat.html is missing from the jar");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/chat"));
        routes.get("/chat", ctx -> ctx.header("Cache-Control", "no-cache").contentType(HttpServer.HTML_UTF8).result(html));
    }
}
