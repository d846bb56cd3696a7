package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.AccountCommands;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts made with the command line, and logins, outlive a restart; the first admin comes from the configuration. */
class StaffRestartIT {
    @Test
    void the_first_admin_and_a_login_session_survive_a_restart_and_the_user_command_manages_accounts() {
        String url = TestDatabases.embedded().freshDatabaseUrl();
        var config = TestApp.config(url, Map.of("admin.password", "rahasia-pertama-1"));
        StaffSession browser;
        try (Application app = Application.start(config)) {
            browser = new StaffSession(app.httpPort());
            assertEquals(302, browser.login("admin", "rahasia-pertama-1").statusCode());
            assertEquals(200, browser.get("/admin").statusCode());
        }
        assertEquals(0, Sql.count(url, "SELECT count(*) FROM accounts WHERE password_hash LIKE '%rahasia%'"));

        // While the service is down, an account is added and another one's password is reset from the command line.
        assertEquals(0, user(config, "rahasia-konsultan-1\n", "user", "add", "budi", "consultant", "Budi", "Santoso"));
        String reset = out(config, "", "user", "reset", "admin");
        String newPassword = reset.substring(reset.lastIndexOf(' ') + 1).strip();
        assertThat(newPassword).hasSize(16);

        try (Application app = Application.start(config)) {
            StaffSession again = new StaffSession(app.httpPort());
            // A reset ends the old sessions; the new password works, the old one no longer does.
            assertEquals(401, again.login("admin", "rahasia-pertama-1").statusCode());
            assertEquals(302, again.login("admin", newPassword).statusCode());
            StaffSession consultant = new StaffSession(app.httpPort());
            assertEquals(302, consultant.login("budi", "rahasia-konsultan-1").statusCode());
            assertThat(consultant.get("/admin").body()).contains("Budi Santoso");
        }
        assertEquals(0, user(config, "", "user", "disable", "budi"));
        try (Application app = Application.start(config)) {
            assertEquals(403, new StaffSession(app.httpPort()).login("budi", "rahasia-konsultan-1").statusCode());
        }
        assertThat(Sql.count(url, "SELECT count(*) FROM audit_log WHERE action LIKE 'account.%'")).isGreaterThanOrEqualTo(4);
        assertEquals(2, user(config, "", "user", "frobnicate", "budi"));
    }

    @Test
    void a_session_survives_a_restart() {
        String url = TestDatabases.embedded().freshDatabaseUrl();
        var config = TestApp.config(url, Map.of("admin.password", "rahasia-pertama-1"));
        String cookie;
        try (Application app = Application.start(config)) {
            StaffSession browser = new StaffSession(app.httpPort());
            browser.login("admin", "rahasia-pertama-1");
            cookie = browser.cookie(StaffGuard.COOKIE);
        }
        try (Application app = Application.start(config)) {
            var response = new id.klinikumkm.bot.testing.HttpJson(app.httpPort()).getWithCookie("/admin", StaffGuard.COOKIE + "=" + cookie);
            assertEquals(200, response.status());
        }
    }

    private static int user(id.klinikumkm.bot.config.AppConfig config, String stdin, String... args) {
        return AccountCommands.run(config, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private static String out(id.klinikumkm.bot.config.AppConfig config, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, AccountCommands.run(config, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        return out.toString(StandardCharsets.UTF_8);
    }
}
