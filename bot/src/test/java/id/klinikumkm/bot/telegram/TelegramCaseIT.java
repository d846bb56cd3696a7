package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestStaff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A case end to end through Telegram (the real TelegramBots library and the fake Bot API): the consultant links
 * their Telegram chat with a one-time code, is told about the case routed to them and claims it with the
 * "Ambil" button; the reply reaches the user's chat, the user's answer reaches the case, and the rating after
 * resolving is stored. The button is refused in anyone else's chat.
 */
class TelegramCaseIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private static final long USER = 905;
    private static final long CONSULTANT = 7_001;
    private static final long STRANGER = 906;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<FakeBotApi.Call> step(long chat, Runnable update, int replies) {
        return fake.repliesTo(chat, update, replies, WAIT);
    }

    private String last(long chat, Runnable update) {
        return step(chat, update, 1).get(0).text();
    }

    @Test
    void a_case_through_telegram_with_the_consultants_claim_button() {
        Application app = harness.polling();
        HttpJson siti = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(harness.databaseUrl, "siti", "Siti Aminah", "legal"));
        String code = siti.postJson("/api/consultant/telegram/code", Map.of()).json().get("code").asText();
        assertThat(last(CONSULTANT, () -> fake.textMessage(CONSULTANT, "/hubungkan " + code.toLowerCase()))).contains("Siti Aminah", "terhubung");
        assertThat(last(CONSULTANT, () -> fake.textMessage(CONSULTANT, "/hubungkan " + code))).as("a code works once").contains("tidak dikenal");

        step(USER, () -> fake.textMessage(USER, "/start"), 2);
        step(USER, () -> fake.callbackQuery(USER, "consent:yes"), 1);
        step(USER, () -> fake.callbackQuery(USER, "consult:start"), 2);
        step(USER, () -> fake.textMessage(USER, "Dewi Lestari"), 1);
        step(USER, () -> fake.callbackQuery(USER, "intake:skip"), 1);
        step(USER, () -> fake.textMessage(USER, "keripik tempe"), 1);
        step(USER, () -> fake.textMessage(USER, "Maron"), 1);
        step(USER, () -> fake.contact(USER, "+62 812 1111 2222", USER), 2);
        step(USER, () -> fake.textMessage(USER, "legalitas"), 1);
        FakeBotApi.Call summary = step(USER, () -> fake.textMessage(USER, "Mau urus PIRT keripik tempe, dari mana dulu?"), 1).get(0);
        String send = summary.inlineButtons().stream().map(b -> b.get("callback_data").toString())
                .filter(data -> data.startsWith("intake:send:")).findFirst().orElseThrow();
        Matcher number = Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(last(USER, () -> fake.callbackQuery(USER, send)));
        assertThat(number.find()).isTrue();

        FakeBotApi.Call notice = fake.awaitSentTo(CONSULTANT, 3, WAIT).get(2);
        assertThat(notice.text()).contains(number.group(), "Legalitas usaha", "Maron", "keripik tempe").doesNotContain("1111");
        assertThat(notice.inlineButtons()).extracting(b -> b.get("callback_data")).containsExactly("case:claim:" + number.group());

        assertThat(last(STRANGER, () -> fake.callbackQuery(STRANGER, "case:claim:" + number.group()))).contains("hanya untuk petugas");
        assertThat(Sql.row(harness.databaseUrl, "SELECT status FROM cases")).containsEntry("status", "assigned");

        int userBefore = fake.sentTo(USER).size();
        assertThat(last(CONSULTANT, () -> fake.callbackQuery(CONSULTANT, "case:claim:" + number.group()))).contains("Kasus berhasil diambil");
        assertThat(fake.awaitSentTo(USER, userBefore + 1, WAIT).get(userBefore).text()).contains("ditangani oleh <b>Siti</b>");
        assertThat(last(CONSULTANT, () -> fake.callbackQuery(CONSULTANT, "case:claim:" + number.group()))).as("a stale press")
                .contains("sudah Bapak/Ibu tangani");

        assertThat(last(USER, () -> siti.postJson("/api/consultant/cases/" + number.group() + "/reply",
                Map.of("text", "Bu Dewi, NIB sudah ada? Kirim <nomornya> ya.")))).contains("Siti", "Kirim &lt;nomornya&gt; ya.");
        assertThat(last(USER, () -> fake.textMessage(USER, "Belum ada NIB, Bu"))).contains("diteruskan ke petugas");
        assertThat(siti.get("/api/consultant/cases/" + number.group() + "/messages").body()).contains("Belum ada NIB, Bu");
        assertThat(last(USER, () -> fake.photo(USER))).contains("sudah diteruskan ke petugas");
        long photo = Sql.count(harness.databaseUrl, "SELECT max(id) FROM messages WHERE file_id IS NOT NULL");
        HttpJson.Response file = siti.get("/api/consultant/cases/" + number.group() + "/files/" + photo);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).as("the largest size").startsWith("fake file files/Fake-photo-x-");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(siti.get("/api/consultant/cases/" + number.group() + "/files/1").status()).as("not a file of the case").isEqualTo(404);

        FakeBotApi.Call rating = step(USER, () -> siti.postJson("/api/consultant/cases/" + number.group() + "/status",
                Map.of("status", "resolved")), 1).get(0);
        assertThat(rating.inlineButtons()).hasSize(5);
        step(USER, () -> fake.callbackQuery(USER, "rating:star:" + number.group() + ":4"), 2);
        assertThat(last(USER, () -> fake.textMessage(USER, "Terima kasih, jelas sekali"))).contains("sudah kami catat");
        assertThat(Sql.row(harness.databaseUrl, "SELECT status, rating, rating_comment FROM cases"))
                .containsEntry("status", "resolved").containsEntry("rating", 4).containsEntry("rating_comment", "Terima kasih, jelas sekali");
        assertThat(last(USER, () -> fake.textMessage(USER, "/status"))).contains(number.group(), "Selesai", "Petugas: Siti");
    }
}
