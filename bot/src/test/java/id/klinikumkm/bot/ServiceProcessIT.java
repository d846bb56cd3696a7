package id.klinikumkm.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as the README says: configuration errors, SIGTERM, restart. */
class ServiceProcessIT {
    @TempDir
    Path workDir;

    @Test
    void non_numeric_port_stops_start_up_with_exit_code_2_and_one_line() throws Exception {
        Process process = start(Map.of("KLINIK_HTTP_PORT", "abc"), workDir.resolve("out.log"));
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String output = Files.readString(workDir.resolve("out.log")).strip();
        assertThat(output.lines()).hasSize(1);
        assertThat(output).contains("KLINIK_HTTP_PORT").contains("abc");
    }

    @Test
    void unknown_telegram_mode_stops_start_up_with_exit_code_2() throws Exception {
        Process process = start(Map.of("TELEGRAM_MODE", "fax"), workDir.resolve("out.log"));
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertThat(Files.readString(workDir.resolve("out.log"))).contains("TELEGRAM_MODE");
    }

    @Test
    void conversation_survives_sigterm_and_restart_on_the_embedded_database() throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "KLINIK_HTTP_PORT", String.valueOf(port),
                "KLINIK_DB_EMBEDDED_DIR", workDir.resolve("data/pg").toString());
        HttpJson http = new HttpJson(port);
        String session = "restart-session-0000001";

        Path firstLog = workDir.resolve("first.log");
        Process first = ServiceProcess.start(workDir, env, firstLog).awaitReady(port).process();
        http.postJson("/api/chat/messages", Map.of("session", session, "text", "/start"));
        JsonNode confirm = http.postJson("/api/chat/messages", Map.of("session", session, "text", "/hapus")).json();
        assertThat(confirm.get("messages").get(0).get("buttons")).hasSize(2);

        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "service did not stop on SIGTERM");
        String stopLog = Files.readString(firstLog);
        assertThat(stopLog).contains("Shutting down").contains("Embedded PostgreSQL stopped").contains("Stopped");

        try (ServiceProcess second = ServiceProcess.start(workDir, env, workDir.resolve("second.log"))) {
            second.awaitReady(port);
            JsonNode history = http.get("/api/chat/messages?session=" + session + "&after=0").json();
            // welcome, consent question, delete confirmation
            assertEquals(3, history.get("messages").size(), "transcript kept across the restart");
            // The chat was waiting for the delete confirmation; that state must have survived too.
            JsonNode answer = http.postJson("/api/chat/messages",
                    Map.of("session", session, "button", "delete:no")).json();
            assertThat(answer.get("messages").get(0).get("text").asText()).contains("tidak dihapus");
        }
    }

    private Process start(Map<String, String> env, Path log) {
        return ServiceProcess.start(workDir, env, log).process();
    }
}
