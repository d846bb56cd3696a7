package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.testing.Sql;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake through the real TelegramBots library and the fake Bot API: inline buttons for choices, Telegram's
 * own keyboard for sharing the phone number (only the user's own contact counts, and the keyboard is removed
 * after), and one case however often "Kirim" is pressed or delivered.
 */
class TelegramIntakeIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private static final long CHAT = 903;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Sends an update and returns the {@code replies} messages it leads to. */
    private List<FakeBotApi.Call> step(Runnable update, int replies) {
        return fake.repliesTo(CHAT, update, replies, WAIT);
    }

    private FakeBotApi.Call one(Runnable update) {
        return step(update, 1).get(0);
    }

    private static List<Object> callbacks(FakeBotApi.Call call) {
        return call.inlineButtons().stream().map(button -> button.get("callback_data")).toList();
    }

    @Test
    void the_intake_works_with_inline_buttons_and_the_share_contact_keyboard() {
        harness.polling();
        step(() -> fake.textMessage(CHAT, "/start"), 2);
        one(() -> fake.callbackQuery(CHAT, "consent:yes"));

        List<FakeBotApi.Call> intro = step(() -> fake.callbackQuery(CHAT, "consult:start"), 2);
        assertThat(intro.get(1).text()).contains("1/7", "<b>nama lengkap</b>");
        List<FakeBotApi.Call> refused = step(() -> fake.textMessage(CHAT, "Siti <b>Aminah</b>"), 2);
        assertThat(refused.get(0).text()).as("a name with markup is refused").contains("tanpa emoji atau simbol");
        assertThat(refused.get(1).text()).contains("1/7");
        FakeBotApi.Call business = one(() -> fake.textMessage(CHAT, "Siti Aminah"));
        assertThat(callbacks(business)).containsExactly("intake:skip");
        one(() -> fake.callbackQuery(CHAT, "intake:skip"));
        FakeBotApi.Call kecamatan = one(() -> fake.textMessage(CHAT, "sambal kacang"));
        assertThat(callbacks(kecamatan)).hasSize(25).contains("intake:kec:15", "intake:kec:out");

        FakeBotApi.Call phone = one(() -> fake.callbackQuery(CHAT, "intake:kec:15"));
        assertThat(phone.text()).contains("5/7", "Kirim nomor saya");
        assertThat(phone.inlineButtons()).isEmpty();
        assertThat(phone.replyMarkup()).containsEntry("one_time_keyboard", true)
                .extractingByKey("keyboard").asString().contains("request_contact=true", "Kirim nomor saya");

        List<FakeBotApi.Call> someoneElse = step(() -> fake.contact(CHAT, "+6285600001111", 4242), 2);
        assertThat(someoneElse.get(0).text()).contains("kontak orang lain");

        List<FakeBotApi.Call> own = step(() -> fake.contact(CHAT, "6281234567890", CHAT), 2);
        assertThat(own.get(0).text()).contains("0812-3456-7890 sudah dicatat");
        assertThat(own.get(0).replyMarkup()).as("the contact keyboard goes away").containsEntry("remove_keyboard", true);
        assertThat(callbacks(own.get(1))).contains("intake:need:legal", "intake:needs:done");

        one(() -> fake.callbackQuery(CHAT, "intake:need:legal"));
        assertThat(one(() -> fake.callbackQuery(CHAT, "intake:needs:done")).text()).contains("7/7");
        FakeBotApi.Call summary = one(() -> fake.textMessage(CHAT, "Mau urus PIRT untuk sambal kacang, mulai dari mana?"));
        assertThat(summary.text()).contains("Nama: Siti Aminah", "Kecamatan: Kraksaan", "Nomor HP/WA: 0812-3456-7890");
        String send = callbacks(summary).stream().map(Object::toString).filter(data -> data.startsWith("intake:send:"))
                .findFirst().orElseThrow();

        String[] sendUpdate = new String[1];
        FakeBotApi.Call sent = one(() -> sendUpdate[0] = fake.callbackQuery(CHAT, send));
        Matcher number = Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(sent.text());
        assertThat(number.find()).as(sent.text()).isTrue();
        fake.enqueueUpdate(sendUpdate[0]);                      // Telegram delivers the same update again
        FakeBotApi.Call again = one(() -> fake.callbackQuery(CHAT, send));   // and the user taps Kirim twice
        assertThat(again.text()).contains("sudah terkirim", number.group());
        TelegramHarness.settle();

        assertThat(Sql.count(harness.databaseUrl, "SELECT count(*) FROM cases")).isEqualTo(1);
        Map<String, Object> row = Sql.row(harness.databaseUrl, "SELECT channel, kecamatan, phone, needs, business_name FROM cases");
        assertThat(row).containsEntry("channel", "telegram").containsEntry("kecamatan", "Kraksaan")
                .containsEntry("phone", "+6281234567890").containsEntry("needs", List.of("legal")).containsEntry("business_name", null);
        assertThat(fake.sentTo(CHAT).stream().filter(call -> call.text().contains(number.group()))).hasSize(2);
    }
}
