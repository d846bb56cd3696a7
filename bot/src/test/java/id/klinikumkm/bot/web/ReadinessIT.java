package id.klinikumkm.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.storage.EmbeddedPostgresServer;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ready follows the database; /health only the process. */
class ReadinessIT {

    @Test
    void ready_answers_503_while_the_database_is_down(@TempDir Path dir) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(dir.resolve("pg"), 0);
        try (Application app = TestApp.start(server.jdbcUrl("postgres"))) {
            HttpJson http = new HttpJson(app.httpPort());
            assertEquals(200, http.get("/ready").status());

            server.close();

            var ready = http.get("/ready");
            assertEquals(503, ready.status());
            assertEquals("down", ready.json().get("database").asText());
            assertEquals(200, http.get("/health").status());
        } finally {
            server.close();
        }
    }
}
