package id.klinikumkm.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.WebChatUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake survives a restart of the service, and a user who comes back hours later is asked to continue. */
class IntakeRestartIT {
    private static final String SESSION = "intake-restart-walk-0001";
    private final String databaseUrl = TestDatabases.embedded().freshDatabaseUrl();

    private Application start() {
        return Application.start(TestApp.config(databaseUrl, Map.of()));
    }

    @Test
    void a_restart_in_the_middle_continues_at_the_same_field_with_nothing_lost() {
        try (Application first = start()) {
            WebChatUser user = new WebChatUser(new HttpJson(first.httpPort()), SESSION);
            user.say("/start");
            user.press("consent:yes");
            user.say("/konsultasi");
            user.say("Nur'aini Hasanah");
            user.say("Dapur Bu Nur");
            assertThat(user.say("rengginang")).contains("4/7");
        }
        try (Application second = start()) {
            WebChatUser user = new WebChatUser(new HttpJson(second.httpPort()), SESSION);
            assertThat(user.say("tegal siwalan")).as("the same field, after the restart").contains("5/7");
            user.say("0813 3333 4444");
            user.press("intake:needs:done");
            assertThat(user.text()).as("no need chosen yet").contains("minimal satu");
            user.say("halal");
            String summary = user.say("Rengginang mau didaftarkan halal, mulai dari mana?");
            assertThat(summary).contains("Nama: Nur'aini Hasanah", "Nama usaha: Dapur Bu Nur", "Produk/usaha: rengginang",
                    "Kecamatan: Tegalsiwalan", "Kebutuhan: Sertifikasi halal");
            user.press(user.payloadStartingWith("intake:send:"));
        }
        assertThat(Sql.row(databaseUrl, "SELECT full_name, business_name, product, kecamatan FROM cases"))
                .containsEntry("full_name", "Nur'aini Hasanah").containsEntry("business_name", "Dapur Bu Nur")
                .containsEntry("product", "rengginang").containsEntry("kecamatan", "Tegalsiwalan");
    }

    @Test
    void a_user_back_hours_later_is_asked_to_continue_where_they_left_off() {
        try (Application app = start()) {
            WebChatUser user = new WebChatUser(new HttpJson(app.httpPort()), SESSION);
            user.say("/start");
            user.press("consent:yes");
            user.press("consult:start");
            user.say("Slamet Riyadi");
            assertThat(user.text()).contains("2/7");
            Sql.execute(databaseUrl, "UPDATE chats SET state_entered_at = now() - interval '5 hours'");

            assertThat(user.say("halo")).contains("mengisi formulir konsultasi", "dilanjutkan");
            assertThat(user.payloads()).containsExactly("resume:continue", "resume:restart", "resume:cancel");
            assertThat(user.press("resume:continue")).contains("2/7");
            user.say("UD Slamet Jaya");
            assertThat(user.text()).contains("3/7");

            Sql.execute(databaseUrl, "UPDATE chats SET state_entered_at = now() - interval '2 days'");
            user.say("permisi");
            assertThat(user.say("/batal")).as("/batal on the resume question cancels the form").contains("sudah kami hapus");
            assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE body LIKE '%Slamet%'")).isZero();
        }
    }
}
