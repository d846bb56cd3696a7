package id.klinikumkm.bot.http;

import static id.klinikumkm.bot.testing.ApiAssertions.assertError;
import static id.klinikumkm.bot.testing.ApiAssertions.assertIndonesian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client sees when the server refuses: Indonesian everywhere, JSON {@code {"error": "..."}} for the API,
 * a small Indonesian HTML page for unknown pages, with the status codes kept.
 */
class HttpErrorsIT {
    private static Application app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestDatabases.embedded().freshDatabaseUrl());
        http = new HttpJson(app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void unknown_api_paths_get_a_json_404_in_indonesian() {
        for (String path : List.of("/api/nothing-here", "/api/chat/nothing", "/api", "/api/chat/messages/12")) {
            String message = assertError(http.get(path), 404);
            assertThat(message).as(path).contains("tidak ada");
        }
        assertError(http.post("/api/nothing-here", "{}"), 404);
    }

    @Test
    void unknown_pages_get_an_indonesian_html_404_page_with_a_way_back_to_the_chat() {
        for (String path : List.of("/admin/tidak-ada", "/assets/nothing.js", "/chat/lama", "/tidak-ada?x=1")) {
            HttpJson.Response page = http.getPage(path);

            assertEquals(404, page.status(), path);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<html lang=\"id\"", "Halaman tidak ditemukan", "href=\"/chat\"",
                    "href=\"/assets/chat.css\"");
            assertStaticAndStrict(page);
            assertIndonesian(visibleText(page.body()));
        }
    }

    @Test
    void a_wrong_method_gets_405_as_json_on_the_api_and_as_a_page_elsewhere() {
        HttpJson.Response put = http.send("PUT", "/api/chat/messages", "{}");
        assertThat(assertError(put, 405)).contains("PUT");
        assertThat(put.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");

        assertError(http.send("DELETE", "/api/chat/history", null), 405);
        assertThat(assertError(http.get("/api/admin/nlu/classify"), 405)).contains("POST");

        HttpJson.Response page = http.send("POST", "/chat", "");
        assertEquals(405, page.status());
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"id\"", "href=\"/chat\"");
        assertStaticAndStrict(page);
        assertIndonesian(visibleText(page.body()));
    }

    @Test
    void an_oversized_body_sent_at_once_gets_413_in_indonesian_every_time() {
        String body = "{\"session\":\"oversized-session-000001\",\"text\":\"" + "x".repeat(200_000) + "\"}";
        // Refusing before the body is read used to reset the connection under the client now and then.
        for (int i = 0; i < 20; i++) {
            String message = assertError(http.post("/api/chat/messages", body), 413);
            assertThat(message).contains("65536");
        }
    }

    @Test
    void a_client_that_leaves_halfway_through_an_oversized_body_harms_nobody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/chat/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 300000\r\n\r\n" + "x".repeat(100_000)).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        assertEquals(200, http.get("/health").status());
        assertError(http.post("/api/chat/messages", "{\"session\":\"after-the-leaver-0000001\",\"text\":\"" + "x".repeat(70_000) + "\"}"), 413);
    }

    @Test
    void an_oversized_body_announced_with_expect_continue_is_refused_before_it_is_sent() throws Exception {
        RawResponse refused = raw("POST /api/chat/messages HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 200050\r\n\r\n");

        assertEquals(413, refused.status(), refused.text());
        assertThat(refused.text()).doesNotContain("100 Continue");
        assertJsonError(refused);
        assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText()).contains("65536");
    }

    @Test
    void requests_jetty_refuses_before_the_application_get_indonesian_json_too() throws Exception {
        RawResponse malformed = raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(400, malformed.status(), malformed.text());
        assertJsonError(malformed);

        RawResponse hugeHeader = raw("GET /chat HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, hugeHeader.status(), hugeHeader.text());
        assertJsonError(hugeHeader);
    }

    @Test
    void the_error_pages_stylesheet_is_served() {
        assertEquals(200, http.get("/assets/chat.css").status());
    }

    /** No inline script or style (they would break under the policy), and the strict policy is sent. */
    private static void assertStaticAndStrict(HttpJson.Response page) {
        String body = page.body().toLowerCase(java.util.Locale.ROOT);
        assertThat(body).doesNotContain("<script", "<style", " style=", "javascript:");
        assertThat(body).doesNotContainPattern("\\son[a-z]+\\s*=");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static String visibleText(String html) {
        String body = html.substring(html.indexOf("<body"));
        return body.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static void assertJsonError(RawResponse response) throws IOException {
        assertThat(response.head().toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json");
        String message = new ObjectMapper().readTree(response.body()).get("error").asText();
        assertIndonesian(message);
    }

    private record RawResponse(String head, String body) {
        int status() {
            return Integer.parseInt(head.split(" ", 3)[1]);
        }

        String text() {
            return head + "\r\n\r\n" + body;
        }
    }

    /** Sends bytes no well-behaved HTTP client would send, and reads the answer up to the closed connection. */
    private static RawResponse raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", app.httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return split < 0 ? new RawResponse(response, "") : new RawResponse(response.substring(0, split),
                    response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
