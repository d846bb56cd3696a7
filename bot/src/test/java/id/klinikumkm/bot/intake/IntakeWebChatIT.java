package id.klinikumkm.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.WebChatUser;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intake through the web chat of the whole service and a real PostgreSQL: a user corrects a wrong phone
 * number, confirms a misspelt kecamatan, asks a question in between, edits from the summary and sends; the case
 * row holds the normalised values, and a second "Kirim" opens no second case. /batal and a refused consent
 * leave no personal data.
 */
class IntakeWebChatIT {
    private static final Pattern CASE_NUMBER = Pattern.compile("KUM-\\d{4}-\\d{5}");
    private static Application app;
    private static HttpJson http;
    private static String databaseUrl;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("clinic.hours", "mon-thu 08:00-15:30; fri 08:00-14:00",
                "chat.rate.per.session.per.minute", "1000", "chat.rate.per.address.per.minute", "10000")));
        http = new HttpJson(app.httpPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebChatUser consentedUser(String session) {
        WebChatUser user = new WebChatUser(http, session);
        user.say("/start");
        user.press("consent:yes");
        return user;
    }

    @Test
    void the_whole_intake_opens_one_case_with_normalised_values() {
        WebChatUser user = consentedUser("intake-whole-walk-0001");
        assertThat(user.say("biaya sertifikasi halal berapa ya?")).containsIgnoringCase("halal");

        assertThat(user.press("consult:start")).contains("Konsultasi dengan Petugas", "1/7", "nama lengkap");
        assertThat(user.say("  Siti   Aminah\u200B ")).contains("2/7");
        assertThat(user.say("UD Sambal Bu Siti")).contains("3/7");
        assertThat(user.say("sambal kemasan")).contains("4/7");
        assertThat(user.payloads()).contains("intake:kec:1", "intake:kec:24", "intake:kec:out").hasSize(25);

        assertThat(user.say("kec. pajarkan")).contains("Maksud Bapak/Ibu Kecamatan Pajarakan?");
        assertThat(user.say("iya")).contains("5/7", "nomor HP/WhatsApp");
        assertThat(user.payloads()).as("the share-my-number button is Telegram's").isEmpty();

        assertThat(user.say("0335 421234")).contains("telepon rumah atau kantor", "5/7");
        String aside = user.say("biaya halal berapa?");
        assertThat(aside).contains("Kita lanjutkan formulirnya", "5/7");
        assertThat(aside.indexOf("Kita lanjutkan")).as("the answer comes first, then the same question").isGreaterThan(20);

        assertThat(user.say("0812.3456-7890")).contains("0812-3456-7890 sudah dicatat", "6/7");
        assertThat(user.labels()).as("needs pre-selected from the halal question asked before")
                .contains("✅ Sertifikasi halal", "⬜ Kemasan & label", "⬜ Legalitas usaha");
        assertThat(user.press("intake:need:packaging")).contains("6/7");
        assertThat(user.labels()).contains("✅ Sertifikasi halal", "✅ Kemasan & label");
        assertThat(user.press("intake:needs:done")).contains("7/7");

        String summary = user.say("Mau daftar halal untuk sambal, tapi bingung syaratnya.");
        assertThat(summary).contains("Ringkasan", "Nama: Siti Aminah", "Nama usaha: UD Sambal Bu Siti",
                "Produk/usaha: sambal kemasan", "Kecamatan: Pajarakan", "Nomor HP/WA: 0812-3456-7890",
                "Kebutuhan: Kemasan & label, Sertifikasi halal");
        assertThat(user.payloads()).contains("intake:edit:name", "intake:edit:business", "intake:edit:product",
                "intake:edit:kecamatan", "intake:edit:phone", "intake:edit:needs", "intake:edit:description");

        assertThat(user.press("intake:edit:product")).contains("3/7");
        assertThat(user.say("sambal bawang kemasan")).as("an edit returns to the summary")
                .contains("Ringkasan", "Produk/usaha: sambal bawang kemasan", "Nama: Siti Aminah");

        String send = user.payloadStartingWith("intake:send:");
        String sent = user.press(send);
        Matcher number = CASE_NUMBER.matcher(sent);
        assertThat(number.find()).as(sent).isTrue();
        assertThat(sent).contains("Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–14.00 WIB", "0812-3456-7890", "/status");
        assertThat(user.press(send)).as("a second Kirim").contains("sudah terkirim", number.group());

        String chat = "(SELECT id FROM chats WHERE channel = 'web' AND external_id = 'intake-whole-walk-0001')";
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM cases WHERE chat_id = " + chat)).isEqualTo(1);
        Map<String, Object> row = Sql.row(databaseUrl, "SELECT number, channel, status, full_name, business_name, product, "
                + "kecamatan, outside_place, phone, needs, description, intake ->> 'phone' AS intake_phone FROM cases WHERE chat_id = " + chat);
        assertThat(row).containsEntry("number", number.group()).containsEntry("channel", "web").containsEntry("status", "new")
                .containsEntry("full_name", "Siti Aminah").containsEntry("business_name", "UD Sambal Bu Siti")
                .containsEntry("product", "sambal bawang kemasan").containsEntry("kecamatan", "Pajarakan")
                .containsEntry("outside_place", null).containsEntry("phone", "+6281234567890")
                .containsEntry("needs", List.of("packaging", "halal"))
                .containsEntry("description", "Mau daftar halal untuk sambal, tapi bingung syaratnya.")
                .containsEntry("intake_phone", "+6281234567890");

        assertThat(user.say("/status")).contains(number.group(), "menunggu petugas");

        // A later consultation offers the same details again, and starts at the needs.
        assertThat(user.press("consult:start")).contains("pernah mengisi data", "Nama: Siti Aminah", "Kecamatan: Pajarakan");
        assertThat(user.press("intake:reuse:yes")).contains("6/7");
        assertThat(user.say("/batal")).contains("dibatalkan");
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM cases WHERE chat_id = " + chat)).isEqualTo(1);
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM cases WHERE full_name = 'Siti Aminah' AND phone IS NOT NULL"))
                .as("cancelling a new attempt leaves the sent case alone").isEqualTo(1);
    }

    @Test
    void batal_in_the_middle_leaves_no_personal_data_from_that_attempt() {
        WebChatUser user = consentedUser("intake-batal-walk-0002");
        user.say("apa itu NIB?");
        user.say("mau konsultasi dengan petugas");
        assertThat(user.text()).contains("1/7");
        user.say("Budi Santoso");
        user.press("intake:skip");
        user.say("keripik tempe Budi");
        user.say("Kraksaan");
        assertThat(user.text()).contains("5/7");

        assertThat(user.say("/batal")).contains("dibatalkan", "sudah kami hapus");

        String chat = "(SELECT id FROM chats WHERE external_id = 'intake-batal-walk-0002')";
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE chat_id = " + chat
                + " AND (body ILIKE '%budi%' OR body ILIKE '%kraksaan%' OR body ILIKE '%intake%')")).isZero();
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM chats WHERE id = " + chat
                + " AND state_flow = '' AND state_slots = '{}'::jsonb")).isEqualTo(1);
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM cases WHERE chat_id = " + chat)).isZero();
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE chat_id = " + chat + " AND body = 'apa itu NIB?'"))
                .as("what came before the form stays").isEqualTo(1);
    }

    @Test
    void refusing_consent_in_the_intake_stores_nothing_personal() {
        WebChatUser user = new WebChatUser(http, "intake-refuse-walk-0003");
        user.say("/start");
        user.press("consent:no");
        String asked = user.press("consult:start");
        assertThat(asked).contains("UU No. 27 Tahun 2022", "/privasi");
        assertThat(user.payloads()).containsExactly("intake:consent:yes", "intake:consent:no");

        assertThat(user.press("intake:consent:no")).contains("tidak ada data Bapak/Ibu yang kami simpan", "probolinggokab.go.id");
        user.say("Nama saya Budi Santoso, HP 0812 9999 8888");

        String chat = "(SELECT id FROM chats WHERE external_id = 'intake-refuse-walk-0003')";
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE chat_id = " + chat
                + " AND (body ILIKE '%budi%' OR body LIKE '%0812%')")).isZero();
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM chats WHERE id = " + chat + " AND consent_at IS NULL")).isEqualTo(1);
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM cases WHERE chat_id = " + chat)).isZero();
    }

    @Test
    void consent_given_in_the_intake_lets_the_form_go_on() {
        WebChatUser user = new WebChatUser(http, "intake-consent-walk-0004");
        user.say("/start");
        user.press("consent:no");
        user.say("/konsultasi");
        assertThat(user.say("iya setuju")).contains("1/7");
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM chats WHERE external_id = 'intake-consent-walk-0004'"
                + " AND consent_at IS NOT NULL")).isEqualTo(1);
        assertThat(user.say("Dewi Lestari")).contains("2/7");
    }

    @Test
    void a_place_outside_the_regency_is_recorded_as_outside() {
        WebChatUser user = consentedUser("intake-outside-walk-0005");
        user.press("consult:start");
        user.say("Rina Wati");
        user.press("intake:skip");
        user.say("kue kering");
        assertThat(user.say("Mayangan")).contains("Kota Probolinggo", "DKUPP sendiri", "5/7");
        user.say("+62 813-1111-2222");
        user.say("legalitas");
        String summary = user.say("Mau tanya cara daftar PIRT untuk kue kering.");
        assertThat(summary).contains("Kecamatan: Di luar Kabupaten Probolinggo (Kota Probolinggo", "Nama usaha: (tidak diisi)",
                "Kebutuhan: Legalitas usaha");
        user.press(user.payloadStartingWith("intake:send:"));
        Map<String, Object> row = Sql.row(databaseUrl, "SELECT kecamatan, outside_place, business_name, phone FROM cases "
                + "WHERE chat_id = (SELECT id FROM chats WHERE external_id = 'intake-outside-walk-0005')");
        assertThat(row).containsEntry("kecamatan", null).containsEntry("business_name", null).containsEntry("phone", "+6281311112222");
        assertThat((String) row.get("outside_place")).contains("Kota Probolinggo", "Mayangan");
    }

    @Test
    void three_unclear_answers_offer_to_go_on_later_and_the_form_waits() {
        WebChatUser user = consentedUser("intake-stuck-walk-00006");
        user.press("consult:start");
        user.say("Ahmad Fauzi");
        user.press("intake:skip");
        user.say("tahu bakso");
        user.say("Kraksaan");
        assertThat(user.say("nomorku belum ada")).contains("5/7");
        user.say("123");
        assertThat(user.say("0812")).contains("kurang panjang", "melanjutkan nanti");
        assertThat(user.labels()).as("a required field cannot be skipped").containsExactly("Lanjutkan nanti");
        assertThat(user.press("intake:later")).contains("tersimpan");
        assertThat(user.say("apa itu NIB?")).as("a paused form lets questions through").containsIgnoringCase("NIB");
        assertThat(user.say("/konsultasi")).contains("5/7");
        assertThat(user.say("0857 1234 5678")).contains("6/7");
    }

    @Test
    void erasing_my_data_empties_the_personal_fields_of_my_cases_and_keeps_the_counts() {
        WebChatUser user = consentedUser("intake-erase-walk-00007");
        user.press("consult:start");
        user.say("Wahyuni Putri");
        user.say("Toko Wahyu 2");
        user.say("jamu botol");
        user.say("Kec. Sumber Asih");
        user.say("(0821) 5555-6666");
        user.say("1 3");
        assertThat(user.say("Jamu mau dijual ke toko oleh-oleh, perlu izin apa?")).contains("Kecamatan: Sumberasih",
                "Kebutuhan: Legalitas usaha, Sertifikasi halal", "Nama usaha: Toko Wahyu 2");
        user.press(user.payloadStartingWith("intake:send:"));

        user.say("/hapus");
        assertThat(user.press("delete:yes")).contains("sudah kami hapus");

        String chat = "(SELECT id FROM chats WHERE external_id = 'intake-erase-walk-00007')";
        Map<String, Object> row = Sql.row(databaseUrl, "SELECT number, status, kecamatan, needs, full_name, business_name, product, "
                + "phone, description, intake::text AS intake, erased_at IS NOT NULL AS erased FROM cases WHERE chat_id = " + chat);
        assertThat(row).containsEntry("status", "new").containsEntry("kecamatan", "Sumberasih")
                .containsEntry("needs", List.of("legal", "halal")).containsEntry("full_name", null)
                .containsEntry("business_name", null).containsEntry("product", null).containsEntry("phone", null)
                .containsEntry("description", null).containsEntry("intake", "{}").containsEntry("erased", true);
        assertThat((String) row.get("number")).matches(CASE_NUMBER);
        assertThat(Sql.count(databaseUrl, "SELECT count(*) FROM messages WHERE chat_id = " + chat + " AND body LIKE '%Wahyu%'")).isZero();

        user.say("/start");
        user.press("consent:yes");
        assertThat(user.press("consult:start")).as("erased details are not offered again").contains("1/7")
                .doesNotContain("pernah mengisi");
    }

    @Test
    void the_privacy_note_is_a_plain_page() {
        HttpJson.Response page = http.get("/privasi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Undang-Undang Nomor 27 Tahun 2022", "/hapus", "/batal");
    }
}
