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

    /** @param closedCaseDays the retention period ({@code retention.closed.case.days}); 0: no automatic anonymisation */
    public PrivacyPage(int closedCaseDays) {
        try (InputStream in = PrivacyPage.class.getResourceAsStream("/web/privasi.html")) {
            if (in == null) {
                throw new IllegalStateException("web/privasi.html is missing from the jar");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{retensi}}", retention(closedCaseDays));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String retention(int days) {
        return days > 0
                ? "Bila semua konsultasi Bapak/Ibu sudah ditutup lebih dari " + days + " hari dan Bapak/Ibu tidak menulis lagi "
                        + "sejak itu, data pribadi Bapak/Ibu dihapus otomatis dengan cara yang sama seperti <code>/hapus</code>."
                : "Data disimpan sampai Bapak/Ibu menghapusnya dengan <code>/hapus</code> atau memintanya kepada admin klinik.";
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/privasi", ctx -> ctx.header("Cache-Control", "no-cache").contentType(HttpServer.HTML_UTF8).result(html));
    }
}
