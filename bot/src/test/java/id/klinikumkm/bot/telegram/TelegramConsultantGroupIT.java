package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consultants' Telegram group: a case nobody fits is announced there (without a phone number) and a linked
 * consultant takes it with "Ambil" from the group, answered in their own chat; a case nobody took in time is
 * reported once to linked admins and the group.
 */
class TelegramConsultantGroupIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private static final long GROUP = -500;
    private static final long BUDI = 7_002;
    private static final long HEAD = 7_003;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;

    @AfterEach
    void stop() {
        harness.close();
    }

    private void link(HttpJson staff, long chat) {
        String code = staff.postJson("/api/consultant/telegram/code", Map.of()).json().get("code").asText();
        assertThat(fake.repliesTo(chat, () -> fake.textMessage(chat, "/hubungkan " + code), 1, WAIT).get(0).text()).contains("terhubung");
    }

    @Test
    void queued_cases_go_to_the_group_and_late_ones_are_reported_once() {
        Application app = harness.polling(Map.of("cases.consultants.telegram.chat", String.valueOf(GROUP),
                "cases.unclaimed.check.seconds", "1", "chat.rate.per.session.per.minute", "1000"));
        HttpJson budi = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(harness.databaseUrl, "budi", "Budi Santoso", "legal"));
        HttpJson head = new HttpJson(app.httpPort()).withBearer(TestStaff.token(harness.databaseUrl, "kepala", Role.ADMIN));
        link(budi, BUDI);
        link(head, HEAD);

        String queued = new WebChatUser(new HttpJson(app.httpPort()), "group-case-walk-00001").openCase("Rina Wati", "lainnya");
        FakeBotApi.Call notice = fake.awaitSentTo(GROUP, 1, WAIT).get(0);
        assertThat(notice.text()).contains(queued, "Lainnya", "Kraksaan").doesNotContain("0812", "3456");
        assertThat(notice.inlineButtons()).extracting(b -> b.get("callback_data")).containsExactly("case:claim:" + queued);

        assertThat(fake.repliesTo(BUDI, () -> fake.groupCallbackQuery(GROUP, BUDI, "case:claim:" + queued), 1, WAIT).get(0).text())
                .contains(queued, "Kasus berhasil diambil");
        assertThat(Sql.row(harness.databaseUrl, "SELECT k.status, a.username FROM cases k JOIN accounts a ON a.id = k.assigned_to"
                + " WHERE k.number = '" + queued + "'")).containsEntry("status", "in_progress").containsEntry("username", "budi");
        assertThat(fake.repliesTo(4_242, () -> fake.groupCallbackQuery(GROUP, 4_242, "case:claim:" + queued), 1, WAIT).get(0).text())
                .contains("hanya untuk petugas");

        String late = new WebChatUser(new HttpJson(app.httpPort()), "group-case-walk-00002").openCase("Sri Mulyani", "lainnya");
        fake.awaitSentTo(GROUP, 2, WAIT);
        Sql.execute(harness.databaseUrl, "UPDATE cases SET created_at = now() - interval '2 hours' WHERE number = '" + late + "'");
        List<FakeBotApi.Call> toHead = fake.awaitSentTo(HEAD, 2, WAIT);
        assertThat(toHead.get(1).text()).contains(late, "belum diambil");
        assertThat(fake.awaitSentTo(GROUP, 3, WAIT).get(2).text()).contains(late, "belum diambil");
        TelegramHarness.settle();
        assertThat(fake.sentTo(HEAD)).as("reported once").hasSize(2);
        assertThat(fake.sentTo(GROUP)).hasSize(3);
        assertThat(Sql.count(harness.databaseUrl, "SELECT count(*) FROM cases WHERE unclaimed_reported_at IS NOT NULL")).isEqualTo(1);
    }
}
