package id.klinikumkm.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.admin.StaffSession;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.storage.PersonalData;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.MutableClock;
import id.klinikumkm.bot.testing.PersonalRows;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 12, item 4): the user's own erasure, an admin's erasure and the retention job each remove one
 * person's personal data from every table (transcript, cases, outbox, unanswered questions, conversation state,
 * notes, audit details) and leave every other row as it was, byte for byte. Two people with distinct details are
 * seeded through the web chat and the workspace API; every table of the schema is classified in
 * {@link PersonalRows}, so a new table with personal data cannot be missed silently.
 */
class PersonalDataIT {
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static Application app;
    private static String url;
    private static HttpJson web;
    private static HttpJson siti;
    private static Database database;
    private static PersonalRows rows;

    @BeforeAll
    static void start() {
        url = TestDatabases.embedded().freshDatabaseUrl();
        // The scheduled job stays off here; the tests run it themselves with a clock they move.
        app = Application.start(TestApp.config(url, Map.of("chat.rate.per.session.per.minute", "1000", "retention.closed.case.days", "0")));
        web = new HttpJson(app.httpPort());
        siti = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(url, "siti", "Siti Aminah", "halal"));
        TestStaff.account(url, "ratna", Role.ADMIN);
        database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db());
        rows = new PersonalRows(url);
    }

    @AfterAll
    static void stop() {
        database.close();
        app.close();
    }

    /** One entrepreneur: a web chat with an unanswered question, a case with a reply, an answer and a note. */
    private record Person(long chatId, String number, String session, List<String> markers) {}

    private static Person person(String tag) {
        int n = PEOPLE.incrementAndGet();
        // Names take no digits: each person's details end in a letter of their own.
        String c = String.valueOf((char) ('a' + n));
        String session = "pdp-" + tag + "-" + c + "-0000000000";
        String name = "Sumirah " + tag + "nama" + c;
        String phone = "0813 5555 " + (1000 + n);
        WebChatUser user = new WebChatUser(web, session);
        user.say("/start");
        user.press("consent:yes");
        user.say("qwzx " + tag + "tanya" + c + " vbnm");
        user.press("consult:start");
        user.say(name);
        user.say("Usaha " + tag + "usaha" + c);
        user.say("dodol " + tag + "produk" + c);
        user.say("Kraksaan");
        user.say(phone);
        user.say("halal");
        user.say("Mohon bantu " + tag + "uraian" + c + " untuk sertifikat halal");
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(user.press(user.payloadStartingWith("intake:send:")));
        assertThat(found.find()).as(user.text()).isTrue();
        String number = found.group();
        assertThat(siti.postJson("/api/consultant/cases/" + number + "/reply", Map.of("text", "Baik Bu, " + tag + "balasan" + c)).status()).isEqualTo(200);
        user.say("Terima kasih, " + tag + "jawab" + c);
        Sql.execute(url, "INSERT INTO case_notes (case_id, account_id, body) SELECT id, assigned_to, 'catatan " + tag + "catatan" + c
                + "' FROM cases WHERE number = '" + number + "'");
        long chatId = Sql.count(url, "SELECT chat_id FROM cases WHERE number = '" + number + "'");
        List<String> markers = List.of(tag + "nama" + c, tag + "tanya" + c, tag + "usaha" + c, tag + "produk" + c, tag + "uraian" + c,
                tag + "balasan" + c, tag + "jawab" + c, tag + "catatan" + c, "+6281355551" + String.valueOf(1000 + n).substring(1), session);
        // The details really were stored where the erasure has to find them.
        assertThat(rows.tablesContaining(tag + "tanya" + c)).contains("messages", "unanswered_questions");
        assertThat(rows.tablesContaining(tag + "uraian" + c)).contains("messages", "cases");
        assertThat(rows.tablesContaining(tag + "catatan" + c)).containsExactly("case_notes");
        assertThat(rows.tablesContaining(tag + "nama" + c)).contains("cases");
        return new Person(chatId, number, session, markers);
    }

    /** Markers that stay by design: the session id is the chat's key (chats.external_id), not a name. */
    private static List<String> personal(Person person) {
        return person.markers().stream().filter(m -> !m.equals(person.session())).toList();
    }

    private static void close(Person person) {
        for (String status : List.of("resolved", "closed")) {
            assertThat(siti.postJson("/api/consultant/cases/" + person.number() + "/status", Map.of("status", status)).status()).isEqualTo(200);
        }
    }

    @Test
    void the_users_own_erasure_removes_their_data_everywhere_and_touches_nobody_else() {
        rows.assertEveryTableClassified();
        Person erased = person("hapus");
        Person kept = person("tetap");
        PersonalRows.Snapshot before = rows.snapshot(erased.chatId());

        WebChatUser user = new WebChatUser(web, erased.session());
        user.say("/hapus");
        user.press("delete:yes");

        rows.assertOnlyThePersonChanged(before, erased.chatId(), personal(erased));
        assertThat(rows.tablesContaining(kept.markers().get(0))).as("the other person's data stays").contains("cases");
        assertThat(Sql.row(url, "SELECT status, needs, kecamatan, erased_at IS NOT NULL AS erased FROM cases WHERE number = '" + erased.number() + "'"))
                .as("what the clinic counts stays").containsEntry("kecamatan", "Kraksaan").containsEntry("erased", true);
    }

    @Test
    void an_admin_exports_one_persons_data_and_erases_it_on_request() throws Exception {
        Person asked = person("minta");
        Person other = person("lain");
        StaffSession admin = new StaffSession(app.httpPort());
        admin.login("ratna", TestStaff.PASSWORD);
        String page = admin.get("/admin/data-pribadi").body();
        assertThat(page).contains("Nomor kasus atau nomor HP");
        String csrf = StaffSession.csrfOf(page);

        HttpResponse<String> byPhone = admin.post("/admin/data-pribadi", Map.of("csrf", csrf, "cari", asked.markers().get(8).replace("+62", "0")));
        assertThat(byPhone.body()).contains(asked.number(), "Unduh data (JSON)").doesNotContain(other.number());
        assertThat(admin.post("/admin/data-pribadi", Map.of("cari", asked.number())).statusCode()).as("without the CSRF token").isEqualTo(403);

        HttpResponse<String> export = admin.post("/admin/data-pribadi/" + asked.chatId() + "/ekspor", Map.of("csrf", csrf, "cari", asked.number()));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".json");
        JsonNode exported = new ObjectMapper().readTree(export.body());
        assertThat(exported.at("/kasus/0/nomor").asText()).isEqualTo(asked.number());
        assertThat(exported.at("/kasus/0/nomor_hp").asText()).isEqualTo(asked.markers().get(8));
        assertThat(exported.at("/kasus/0/catatan_petugas/0/isi").asText()).contains(asked.markers().get(7));
        assertThat(exported.at("/pertanyaan_belum_terjawab/0/teks").asText()).contains(asked.markers().get(1));
        for (String marker : personal(asked)) {
            assertThat(export.body()).as("the export holds %s", marker).contains(marker);
        }
        for (String marker : personal(other)) {
            assertThat(export.body()).as("the export holds nothing of the other person").doesNotContain(marker);
        }
        assertThat(Sql.row(url, "SELECT actor, action FROM audit_log WHERE subject = 'chat:" + asked.chatId() + "'"))
                .containsEntry("actor", "ratna").containsEntry("action", "chat.exported");

        TestStaff.account(url, "budi", Role.CONSULTANT);
        StaffSession consultant = new StaffSession(app.httpPort());
        consultant.login("budi", TestStaff.PASSWORD);
        String consultantCsrf = StaffSession.csrfOf(consultant.get("/consultant").body());
        assertThat(consultant.get("/admin/data-pribadi").statusCode()).as("consultants may not see the page").isEqualTo(403);
        assertThat(consultant.post("/admin/data-pribadi/" + asked.chatId() + "/hapus", Map.of("csrf", consultantCsrf, "yakin", "ya")).statusCode())
                .as("consultants may not erase").isEqualTo(403);
        HttpResponse<String> unsure = admin.post("/admin/data-pribadi/" + asked.chatId() + "/hapus", Map.of("csrf", csrf, "cari", asked.number()));
        assertThat(unsure.statusCode()).isEqualTo(400);
        assertThat(unsure.body()).contains("Saya yakin");

        PersonalRows.Snapshot before = rows.snapshot(asked.chatId());
        HttpResponse<String> erased = admin.post("/admin/data-pribadi/" + asked.chatId() + "/hapus",
                Map.of("csrf", csrf, "cari", asked.number(), "yakin", "ya"));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("sudah dihapus");
        rows.assertOnlyThePersonChanged(before, asked.chatId(), personal(asked));
        assertThat(Sql.count(url, "SELECT count(*) FROM audit_log WHERE actor = 'ratna' AND action = 'chat.erased' AND subject = 'chat:"
                + asked.chatId() + "'")).isEqualTo(1);
    }

    @Test
    void an_erasure_reduces_the_chats_raw_telegram_updates_to_their_ids() {
        Sql.execute(url, """
                INSERT INTO chats (channel, external_id) VALUES ('telegram', '770001'), ('telegram', '770002');
                INSERT INTO processed_updates (channel, update_id, payload, handled_at) VALUES
                  ('telegram', 1, '{"update_id": 1, "message": {"chat": {"id": 770001}, "text": "rahasia-telegram-satu"}}', now()),
                  ('telegram', 2, '{"update_id": 2, "callback_query": {"from": {"id": 770001}, "message": {"chat": {"id": 770001}}, "data": "x"}}', now()),
                  ('telegram', 3, '{"update_id": 3, "message": {"chat": {"id": 770002}, "text": "milik-orang-lain"}}', now())
                """);
        long chat = Sql.count(url, "SELECT id FROM chats WHERE external_id = '770001'");
        PersonalRows.Snapshot before = rows.snapshot(chat);
        assertThat(new PersonalData(database.jdbi()).erase(chat, "ratna")).isTrue();
        rows.assertOnlyThePersonChanged(before, chat, List.of("rahasia-telegram-satu"));
        assertThat(Sql.count(url, "SELECT count(*) FROM processed_updates WHERE channel = 'telegram' AND update_id IN (1, 2) "
                + "AND payload = jsonb_build_object('update_id', update_id)")).isEqualTo(2);
        assertThat(rows.tablesContaining("milik-orang-lain")).containsExactly("processed_updates");
    }

    @Test
    void retention_anonymises_a_case_closed_longer_ago_than_the_period_and_nothing_else() {
        Person old = person("lama");
        Person recent = person("baru");
        Person open = person("buka");
        close(old);
        close(recent);
        // Measured from a clock a year and a day ahead: the recent case was closed 65 days before that "now".
        MutableClock clock = new MutableClock(Instant.now());
        clock.advance(Duration.ofDays(366));
        Sql.execute(url, "UPDATE cases SET closed_at = now() + interval '300 days' WHERE number = '" + recent.number() + "'");
        PersonalRows.Snapshot before = rows.snapshot(old.chatId());

        RetentionJob job = new RetentionJob(new PersonalData(database.jdbi()), 365, clock);
        assertThat(job.runOnce()).isEqualTo(1);
        assertThat(job.runOnce()).as("nothing twice").isZero();

        rows.assertOnlyThePersonChanged(before, old.chatId(), personal(old));
        assertThat(Sql.row(url, "SELECT actor_kind, action FROM audit_log WHERE subject = 'chat:" + old.chatId() + "' ORDER BY id DESC LIMIT 1"))
                .containsEntry("actor_kind", "system").containsEntry("action", "chat.anonymised");
        assertThat(Sql.row(url, "SELECT status, rating IS NULL AS unrated, erased_at IS NOT NULL AS erased FROM cases WHERE number = '" + old.number() + "'"))
                .containsEntry("status", "closed").containsEntry("erased", true);
        assertThat(rows.tablesContaining(recent.markers().get(0))).contains("cases");
        assertThat(rows.tablesContaining(open.markers().get(0))).contains("cases");
    }

    @Test
    void two_instances_running_retention_at_once_anonymise_each_chat_exactly_once() throws Exception {
        int chats = 150;
        Sql.execute(url, """
                INSERT INTO chats (channel, external_id, display_name)
                SELECT 'web', 'retensi-paralel-' || i, 'Nama Paralel ' || i FROM generate_series(1, %d) i;
                INSERT INTO cases (number, chat_id, channel, submission, status, needs, kecamatan, full_name, phone, closed_at, created_at)
                SELECT 'KUM-2024-' || lpad((90000 + i)::text, 5, '0'), c.id, 'web', 'paralel' || i, 'closed', ARRAY['halal'],
                       'Kraksaan', 'Nama Paralel ' || i, '+6281200000' || lpad(i::text, 3, '0'), now() - interval '400 days', now() - interval '500 days'
                FROM generate_series(1, %d) i JOIN chats c ON c.external_id = 'retensi-paralel-' || i;
                """.formatted(chats, chats));
        Instant now = Instant.now();
        List<RetentionJob> jobs = List.of(new RetentionJob(new PersonalData(database.jdbi()), 365, new MutableClock(now)),
                new RetentionJob(new PersonalData(database.jdbi()), 365, new MutableClock(now)));
        CyclicBarrier together = new CyclicBarrier(jobs.size());
        ExecutorService threads = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (RetentionJob job : jobs) {
                runs.add(threads.submit(() -> {
                    together.await();
                    return job.runOnce();
                }));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertThat(total).isEqualTo(chats);
        } finally {
            threads.shutdownNow();
        }
        assertThat(Sql.count(url, "SELECT count(*) FROM audit_log WHERE action = 'chat.anonymised' AND subject IN "
                + "(SELECT 'chat:' || id FROM chats WHERE external_id LIKE 'retensi-paralel-%')")).isEqualTo(chats);
        assertThat(Sql.count(url, "SELECT count(DISTINCT subject) FROM audit_log WHERE action = 'chat.anonymised' AND subject IN "
                + "(SELECT 'chat:' || id FROM chats WHERE external_id LIKE 'retensi-paralel-%')")).isEqualTo(chats);
        rows.assertNoneContains(List.of("Nama Paralel", "+6281200000"));
    }
}
