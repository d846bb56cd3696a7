package id.klinikumkm.bot.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every error a client can see, in Indonesian and addressed to "Bapak/Ibu". API paths ({@code /api/...}) and
 * refusals of API calls get {@code {"error": "..."}}; an unknown page or a wrong method on a page gets a small
 * static HTML page (same look as the chat, a link back to {@code /chat}, no script).
 */
final class ErrorResponses {
    static final String SERVER_ERROR = "Maaf, terjadi gangguan di server. Silakan coba lagi sebentar lagi.";

    private static final Map<Integer, String> PAGES = Map.of(
            404, page("/web/errors/404.html"),
            405, page("/web/errors/405.html"));

    private ErrorResponses() {}

    /** The message for a status when nothing more specific is known (also for errors Jetty answers itself). */
    static String forStatus(int status, long maxRequestBytes) {
        return switch (status) {
            case 400 -> "Maaf, permintaan ini tidak dapat diproses. Mohon periksa kembali isinya.";
            case 401, 403 -> "Maaf, Bapak/Ibu tidak memiliki izin untuk membuka alamat ini.";
            case 404 -> "Maaf, alamat yang Bapak/Ibu tuju tidak ada. Mohon periksa kembali alamatnya.";
            case 405 -> "Maaf, alamat ini tidak bisa dipakai dengan cara tersebut.";
            case 408 -> "Maaf, pengiriman terlalu lama sehingga terputus. Silakan coba lagi.";
            case 413 -> "Maaf, kiriman terlalu besar: paling banyak " + maxRequestBytes
                    + " byte. Mohon persingkat pesan Bapak/Ibu.";
            case 414, 431 -> "Maaf, alamat atau permintaan ini terlalu panjang untuk diproses.";
            case 415 -> "Maaf, jenis isi kiriman tidak didukung. Kirim data dalam format JSON.";
            case 429 -> "Terlalu banyak permintaan dalam waktu singkat. Mohon tunggu sebentar lalu coba lagi.";
            case 503 -> "Maaf, layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi.";
            default -> status >= 500 ? SERVER_ERROR : "Maaf, permintaan ini tidak dapat diproses.";
        };
    }

    /** A 405 naming the methods the address does accept. */
    static String methodNotAllowed(String method, String allowed) {
        String base = "Maaf, alamat ini tidak bisa dipakai dengan metode " + method + ".";
        return allowed == null || allowed.isBlank() ? base : base + " Metode yang bisa dipakai: " + allowed + ".";
    }

    /** True for the JSON API, whose clients are programs (the chat page's script among them). */
    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.equals("/api") || path.startsWith("/api/");
    }

    static void json(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** The HTML page for 404 and 405 outside the API; JSON for anything else. */
    static void pageOrJson(Context ctx, int status, String message) {
        String page = PAGES.get(status);
        if (page == null || isApi(ctx)) {
            json(ctx, status, message);
        } else {
            ctx.status(status).header("Cache-Control", "no-cache").contentType(HttpServer.HTML_UTF8).result(page);
        }
    }

    private static String page(String resource) {
        try (InputStream in = ErrorResponses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
