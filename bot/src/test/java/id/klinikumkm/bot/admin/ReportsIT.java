package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management report on a known data set: the page's tables and the CSV show the same exact figures, for
 * the days of the range in Asia/Jakarta (rows a few minutes either side of midnight there are the edges), and
 * only admins may see them.
 */
class ReportsIT {
    /** Monday 26 October to Sunday 15 November 2026: ISO weeks 44, 45 and 46. */
    private static final String RANGE = "?from=2026-10-26&to=2026-11-15";

    private static String databaseUrl;
    private static Application app;
    private static StaffSession admin;

    @BeforeAll
    static void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(databaseUrl);
        TestStaff.account(databaseUrl, "kepala", Role.ADMIN);
        TestStaff.account(databaseUrl, "budi", Role.CONSULTANT);
        seed();
        admin = new StaffSession(app.httpPort());
        assertEquals(302, admin.login("kepala", TestStaff.PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * Ten chats. Chats 1-8 each type three questions inside the range (one is the placeholder of a chat without
     * consent), plus a command (one with a leading space), a button and a bot answer that do not count; chat 9
     * only presses buttons and sends commands; chat 10 types only just outside the range. Eight cases: six inside
     * the range (the first 30 minutes after midnight of its first day in Jakarta, the last one hour before the
     * end), two just outside it.
     */
    private static void seed() {
        StringBuilder sql = new StringBuilder();
        for (int chat = 1; chat <= 10; chat++) {
            sql.append("INSERT INTO chats (channel, external_id) VALUES ('web', 'laporan-").append(chat).append("');\n");
        }
        for (int chat = 1; chat <= 8; chat++) {
            // The first question of chat 1 is at 00:00 on 26 October in Jakarta: inside.
            message(sql, chat, "in", "user", "text", chat == 1 ? "[tidak disimpan: belum ada persetujuan]" : "biaya nib berapa",
                    chat == 1 ? "2026-10-25 17:00:00+00" : "2026-10-27 02:00:00+00");
            message(sql, chat, "in", "user", "text", "halal gratis?", "2026-11-03 0" + chat + ":00:00+00");
            message(sql, chat, "in", "user", "text", "kalau kemasan?", "2026-11-10 0" + chat + ":10:00+00");
            message(sql, chat, "in", "user", "text", chat % 2 == 0 ? "/start" : " /menu", "2026-11-03 0" + chat + ":05:00+00");
            message(sql, chat, "in", "user", "button", "Legalitas", "2026-11-03 0" + chat + ":06:00+00");
            message(sql, chat, "out", "bot", "text", "Jawaban bot", "2026-11-03 0" + chat + ":07:00+00");
        }
        message(sql, 3, "out", "consultant", "text", "Halo, saya petugas", "2026-11-04 03:00:00+00");
        message(sql, 9, "in", "user", "text", "/start", "2026-11-05 03:00:00+00");
        message(sql, 9, "in", "user", "button", "Sertifikasi Halal", "2026-11-05 03:01:00+00");
        // 23:59 on 25 October and 00:00 on 16 November in Jakarta: both outside.
        message(sql, 10, "in", "user", "text", "sebelum", "2026-10-25 16:59:00+00");
        message(sql, 10, "in", "user", "text", "sesudah", "2026-11-15 17:00:00+00");

        unanswered(sql, "1", "clarify", "2026-10-27 02:00:01+00");
        unanswered(sql, "2", "fallback", "2026-11-03 02:00:01+00");
        unanswered(sql, "3", "unhelpful", "2026-11-10 03:20:00+00");
        unanswered(sql, "4", "no_entry", "2026-11-10 04:10:01+00");
        unanswered(sql, "NULL", "fallback", "2026-11-15 16:59:00+00");
        unanswered(sql, "10", "fallback", "2026-10-25 16:59:01+00");
        unanswered(sql, "10", "fallback", "2026-11-15 17:00:01+00");

        // number, chat, created, needs, kecamatan, outside, first reply after, resolved after, rating
        kase(sql, 1, 1, "2026-10-25 17:30:00+00", "legal,halal", "'Kraksaan'", "NULL", "1 hour", "10 hours", "5");
        kase(sql, 2, 2, "2026-10-28 03:00:00+00", "legal", "'Kraksaan'", "NULL", "2 hours", "30 hours 15 minutes", "4");
        kase(sql, 3, 3, "2026-11-03 03:00:00+00", "packaging", "'Paiton'", "NULL", "30 minutes", null, "5");
        kase(sql, 4, 4, "2026-11-04 03:00:00+00", "halal", "NULL", "'<script>alert(1)</script>'", "4 hours", "50 hours", "2");
        kase(sql, 5, 5, "2026-11-05 03:00:00+00", "halal,other", "'<b>Tongas</b>'", "NULL", null, null, null);
        kase(sql, 6, 6, "2026-11-15 16:00:00+00", "other", "'Paiton'", "NULL", null, null, "5");
        kase(sql, 7, 7, "2026-10-25 16:30:00+00", "legal", "'Kraksaan'", "NULL", "100 hours", "100 hours", "1");
        kase(sql, 8, 8, "2026-11-15 17:30:00+00", "halal", "'Kraksaan'", "NULL", "100 hours", "100 hours", "1");
        Sql.execute(databaseUrl, sql.toString());
    }

    private static void message(StringBuilder sql, int chat, String direction, String author, String kind, String body, String at) {
        sql.append("INSERT INTO messages (chat_id, direction, author, kind, body, created_at) SELECT id, '")
                .append(direction).append("', '").append(author).append("', '").append(kind).append("', '").append(body)
                .append("', '").append(at).append("' FROM chats WHERE external_id = 'laporan-").append(chat).append("';\n");
    }

    private static void unanswered(StringBuilder sql, String chat, String reason, String at) {
        String chatId = chat.equals("NULL") ? "NULL" : "(SELECT id FROM chats WHERE external_id = 'laporan-" + chat + "')";
        sql.append("INSERT INTO unanswered_questions (chat_id, text, reason, created_at) VALUES (").append(chatId)
                .append(", 'pertanyaan', '").append(reason).append("', '").append(at).append("');\n");
    }

    private static void kase(StringBuilder sql, int number, int chat, String created, String needs, String kecamatan,
                             String outside, String firstReply, String resolved, String rating) {
        String at = "TIMESTAMPTZ '" + created + "'";
        sql.append(String.format("""
                INSERT INTO cases (number, chat_id, channel, submission, needs, kecamatan, outside_place, created_at,
                                   first_reply_at, resolved_at, rating)
                SELECT 'KUM-2026-%05d', id, 'web', 'kirim%d', '{%s}', %s, %s, %s, %s, %s, %s
                FROM chats WHERE external_id = 'laporan-%d';
                """, number, number, needs, kecamatan, outside, at,
                firstReply == null ? "NULL" : at + " + INTERVAL '" + firstReply + "'",
                resolved == null ? "NULL" : at + " + INTERVAL '" + resolved + "'",
                rating == null ? "NULL" : rating, chat));
    }

    @Test
    void the_page_shows_the_exact_figures_of_the_range_in_jakarta_time() {
        HttpResponse<String> response = admin.get("/admin/reports" + RANGE);
        assertEquals(200, response.statusCode());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String page = response.body();

        assertThat(page).contains("<strong id=\"total-cases\">6</strong>",
                // per ISO week: the case at 00:30 on Monday 26 October in Jakarta is in week 44
                "<tr><td>2026-W44</td><td>2026-10-26</td><td>2</td></tr>",
                "<tr><td>2026-W45</td><td>2026-11-02</td><td>3</td></tr>",
                "<tr><td>2026-W46</td><td>2026-11-09</td><td>1</td></tr>",
                // per topic: a case with two needs counts in both
                "<tr><td>Legalitas</td><td>2</td></tr>",
                "<tr><td>Kemasan &amp; label</td><td>1</td></tr>",
                "<tr><td>Sertifikasi halal</td><td>3</td></tr>",
                "<tr><td>Lainnya</td><td>2</td></tr>",
                // per kecamatan, the others listed with 0, and outside the regency as one row
                "<tr><td>Paiton</td><td>2</td></tr>",
                "<tr><td>Kraksaan</td><td>2</td></tr>",
                "<tr><td>&lt;b&gt;Tongas&lt;/b&gt;</td><td>1</td></tr>",
                "<tr><td>Tongas</td><td>0</td></tr>",
                "<tr><td>Sukapura</td><td>0</td></tr>",
                "<tr><td>Di luar Kabupaten Probolinggo</td><td>1</td></tr>",
                // medians: first reply over 0.5, 1, 2 and 4 hours; resolution over 10, 30.25 and 50 hours
                "<tr><td>Sampai balasan pertama petugas</td><td>1 jam 30 menit</td><td>4</td></tr>",
                "<tr><td>Sampai kasus selesai</td><td>30 jam 15 menit</td><td>3</td></tr>",
                // satisfaction: 5, 4, 5, 2, 5
                "<strong id=\"ratings\">5</strong>", "<strong id=\"average\">4,2</strong>",
                "<tr><td>5 bintang</td><td>3</td></tr>", "<tr><td>4 bintang</td><td>1</td></tr>",
                "<tr><td>3 bintang</td><td>0</td></tr>", "<tr><td>2 bintang</td><td>1</td></tr>",
                "<tr><td>1 bintang</td><td>0</td></tr>",
                // the bot: 24 questions, 5 unanswered; 6 cases from 8 chats that typed
                "<td>79,2%</td>", "<td>19 dari 24 pertanyaan</td>", "<td>75,0%</td>", "<td>6 kasus dari 8 chat</td>",
                "dalam periode ini ada 5.",
                "href=\"/admin/reports.csv?from=2026-10-26&amp;to=2026-11-15\"",
                "<input type=\"date\" name=\"from\" value=\"2026-10-26\"", "<input type=\"date\" name=\"to\" value=\"2026-11-15\"");
        assertThat(page.indexOf("<td>Paiton</td>")).isLessThan(page.indexOf("<td>Kraksaan</td>"));
        assertThat(page.indexOf("<td>Kraksaan</td>")).isLessThan(page.indexOf("<td>&lt;b&gt;Tongas&lt;/b&gt;</td>"));
        assertThat(page.indexOf("<td>&lt;b&gt;Tongas&lt;/b&gt;</td>")).isLessThan(page.indexOf("<td>Sukapura</td>"));
        assertThat(page.indexOf("<td>Sukapura</td>")).isLessThan(page.indexOf("<td>Di luar Kabupaten Probolinggo</td>"));
        // four server-drawn charts, no script, nothing the data held as markup
        assertThat(page.split("<svg class=\"chart\"", -1)).hasSize(5);
        assertThat(page).doesNotContain("<script", "<b>Tongas", "alert(1)", "style=");
        // week 45 has the most cases: its column is the full plot height; week 46 a third of it
        assertThat(page).contains("<title>2026-W45 (mulai 2026-11-02): 3 kasus</title>",
                "height=\"150.0\" fill=\"#0f6b4f\"", "height=\"50.0\" fill=\"#0f6b4f\"");
    }

    @Test
    void the_csv_has_the_same_figures_as_the_page() throws IOException {
        HttpResponse<String> response = admin.get("/admin/reports.csv" + RANGE);
        assertEquals(200, response.statusCode());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"laporan-klinik-2026-10-26-2026-11-15.csv\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String body = response.body();
        assertEquals('\uFEFF', body.charAt(0), "UTF-8 byte order mark for Excel");

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(body.substring(1)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("bagian", "kunci", "nilai");
            records = parser.getRecords();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> kecamatan = new ArrayList<>();
        for (CSVRecord record : records) {
            values.put(record.get("bagian") + "/" + record.get("kunci"), record.get("nilai"));
            if (record.get("bagian").equals("kecamatan")) {
                kecamatan.add(record.get("kunci"));
            }
        }
        assertThat(records).hasSize(3 + 1 + 3 + 4 + 26 + 2 + 2 + 7 + 7);
        assertThat(values).containsAllEntriesOf(Map.ofEntries(
                Map.entry("periode/dari", "2026-10-26"), Map.entry("periode/sampai", "2026-11-15"),
                Map.entry("periode/zona_waktu", "Asia/Jakarta"), Map.entry("kasus/dibuka", "6"),
                Map.entry("minggu/2026-W44", "2"), Map.entry("minggu/2026-W45", "3"), Map.entry("minggu/2026-W46", "1"),
                Map.entry("topik/legal", "2"), Map.entry("topik/packaging", "1"), Map.entry("topik/halal", "3"),
                Map.entry("topik/other", "2"),
                Map.entry("kecamatan/Paiton", "2"), Map.entry("kecamatan/Kraksaan", "2"), Map.entry("kecamatan/<b>Tongas</b>", "1"),
                Map.entry("kecamatan/Tongas", "0"), Map.entry("kecamatan/Di luar Kabupaten Probolinggo", "1"),
                Map.entry("median_jam/balasan_pertama", "1.50"), Map.entry("median_jam/penyelesaian", "30.25"),
                Map.entry("median_jumlah_kasus/balasan_pertama", "4"), Map.entry("median_jumlah_kasus/penyelesaian", "3"),
                Map.entry("kepuasan/jumlah", "5"), Map.entry("kepuasan/rata_rata", "4.2"),
                Map.entry("kepuasan/bintang_1", "0"), Map.entry("kepuasan/bintang_2", "1"), Map.entry("kepuasan/bintang_3", "0"),
                Map.entry("kepuasan/bintang_4", "1"), Map.entry("kepuasan/bintang_5", "3"),
                Map.entry("bot/pertanyaan", "24"), Map.entry("bot/tidak_terjawab", "5"), Map.entry("bot/terjawab", "19"),
                Map.entry("bot/tingkat_jawab_persen", "79.2"), Map.entry("bot/chat_bertanya", "8"),
                Map.entry("bot/kasus_dibuka", "6"), Map.entry("bot/tingkat_alih_persen", "75.0")));
        assertThat(kecamatan).hasSize(26).startsWith("Paiton", "Kraksaan", "<b>Tongas</b>").endsWith("Di luar Kabupaten Probolinggo");
        assertThat(body).doesNotContain("alert(1)");
    }

    @Test
    void a_range_without_data_shows_dashes_not_errors() {
        String page = admin.get("/admin/reports?from=2025-01-01&to=2025-01-31").body();
        assertThat(page).contains("<strong id=\"total-cases\">0</strong>",
                "<tr><td>Sampai balasan pertama petugas</td><td>—</td><td>0</td></tr>",
                "<strong id=\"average\">—</strong>", "<tr><td>Tingkat jawab bot</td><td>—</td>", "<td>0 dari 0 pertanyaan</td>",
                "<tr><td>2025-W01</td><td>2024-12-30</td><td>0</td></tr>", // the ISO week-based year
                "<tr><td>2025-W05</td><td>2025-01-27</td><td>0</td></tr>");
        assertThat(admin.get("/admin/reports.csv?from=2025-01-01&to=2025-01-31").body())
                .contains("median_jam,balasan_pertama,\r\n", "kepuasan,rata_rata,\r\n", "bot,tingkat_jawab_persen,\r\n");
    }

    @Test
    void without_dates_the_page_shows_the_last_twelve_weeks_up_to_today() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        HttpResponse<String> response = admin.get("/admin/reports");
        assertEquals(200, response.statusCode());
        assertThat(response.body()).contains("name=\"from\" value=\"" + from + "\"", "name=\"to\" value=\"" + today + "\"",
                "href=\"/admin/reports\">Laporan</a>");
        assertThat(response.body().split("<tr><td>20[0-9][0-9]-W", -1)).hasSize(13);
    }

    @Test
    void a_bad_range_is_refused_with_a_message_in_indonesian() {
        Map<String, String> refused = Map.of(
                "?from=2026-11-15&to=2026-10-26", "Tanggal awal (2026-11-15) tidak boleh sesudah tanggal akhir (2026-10-26).",
                "?from=2026-13-01&to=2026-11-15", "Tanggal awal tidak dapat dibaca. Gunakan format TTTT-BB-HH, misalnya 2026-11-30.",
                "?from=2026-10-26&to=%3Cb%3E", "Tanggal akhir tidak dapat dibaca.",
                "?from=2024-11-14&to=2026-11-15", "Rentang laporan paling panjang 2 tahun.");
        refused.forEach((query, message) -> {
            HttpResponse<String> page = admin.get("/admin/reports" + query);
            assertEquals(400, page.statusCode(), query);
            assertThat(page.body()).as(query).contains("<p class=\"error\" role=\"alert\">" + message)
                    .doesNotContain("total-cases", "<b>");
            HttpResponse<String> csv = admin.get("/admin/reports.csv" + query);
            assertEquals(400, csv.statusCode(), query);
            assertThat(csv.body()).as(query).contains(message);
            assertThat(csv.headers().firstValue("Content-Disposition")).as(query).isEmpty();
        });
        // exactly two years is allowed
        assertEquals(200, admin.get("/admin/reports?from=2024-11-15&to=2026-11-15").statusCode());
    }

    @Test
    void only_admins_see_the_report() {
        StaffSession consultant = new StaffSession(app.httpPort());
        assertEquals(302, consultant.login("budi", TestStaff.PASSWORD).statusCode());
        for (String path : List.of("/admin/reports" + RANGE, "/admin/reports.csv" + RANGE)) {
            HttpResponse<String> response = consultant.get(path);
            assertEquals(403, response.statusCode(), path);
            assertThat(response.body()).contains("tidak punya hak").doesNotContain("Kraksaan");
            HttpResponse<String> visitor = new StaffSession(app.httpPort()).get(path);
            assertEquals(302, visitor.statusCode(), path);
            assertThat(visitor.headers().firstValue("Location")).hasValue("/admin/login");
        }
        assertThat(consultant.get("/admin").body()).doesNotContain("/admin/reports");
    }
}
