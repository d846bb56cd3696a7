package id.klinikumkm.bot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.RepoFiles;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin pages' FAQ backend on a real PostgreSQL: edits, versions, audit, conflicts, filters, restore. */
class FaqAdminIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "legal.nib.cost";
    private static final String SCRIPT = "<script>alert(1)</script>";
    /** 29 November 2026, 10:00 in Probolinggo. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC);

    private String url;
    private Database database;
    private FaqCatalog catalog;
    private FaqAdmin admin;

    @BeforeEach
    void seededDatabase() {
        url = TestDatabases.embedded().freshDatabaseUrl();
        database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db());
        FaqDao dao = database.jdbi().onDemand(FaqDao.class);
        FaqRepository repository = new FaqRepository(dao, JSON);
        repository.applySeed(RepoFiles.root().resolve("config/faq"));
        // A long cache time: only the admin's invalidation can make the catalog see a change in this test.
        catalog = new FaqCatalog(repository, Duration.ofHours(1));
        admin = new FaqAdmin(dao, JSON, catalog::invalidate, TODAY);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void an_edit_is_a_new_version_with_a_revision_an_audit_row_and_is_answered_at_once() {
        FaqEntry before = catalog.entry(KEY).orElseThrow();
        String answer = "**NIB gratis.** " + SCRIPT + " Tidak ada biaya di OSS.";

        FaqEntry saved = admin.save(KEY, before.version(), withAnswer(FaqDraft.of(before), answer), "sari");

        assertEquals(before.version() + 1, saved.version());
        assertEquals(answer, saved.answer());
        assertEquals(answer, catalog.entry(KEY).orElseThrow().answer(), "the catalog was invalidated");
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM faq_entries WHERE intent_key = '" + KEY + "' AND edited_by = 'sari'"));
        FaqRevision newest = admin.revisions(KEY).get(0);
        assertEquals(saved.version(), newest.version());
        assertEquals("sari", newest.changedBy());
        assertEquals(answer, newest.content().answer(), "stored as typed: escaping is the pages' job");
        assertThat(admin.revisions(KEY)).extracting(FaqRevision::version).containsExactly(2, 1);

        JsonNode audit = audit("faq.edited");
        assertEquals("admin", audit.get("actor_kind").asText());
        assertEquals("sari", audit.get("actor").asText());
        assertEquals(KEY, audit.get("subject").asText());
        assertEquals(before.answer(), audit.get("details").get("before").get("answer").asText());
        assertEquals(answer, audit.get("details").get("after").get("answer").asText());
        assertEquals(before.version(), audit.get("details").get("before").get("version").asInt());
        assertThat(audit.get("details").toString()).doesNotContainIgnoringCase("password");
    }

    @Test
    void a_save_based_on_an_old_version_is_refused_and_changes_nothing() {
        FaqEntry opened = admin.entry(KEY);
        admin.save(KEY, opened.version(), withAnswer(FaqDraft.of(opened), "Versi admin pertama."), "sari");

        assertThatThrownBy(() -> admin.save(KEY, opened.version(), withAnswer(FaqDraft.of(opened), "Versi admin kedua."), "budi"))
                .isInstanceOfSatisfying(FaqAdminException.class, refused -> {
                    assertEquals(FaqAdminException.Kind.CONFLICT, refused.kind());
                    assertThat(refused.getMessage()).contains("sudah diubah oleh sari").contains("muat ulang");
                });
        assertEquals("Versi admin pertama.", admin.entry(KEY).answer());
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM audit_log WHERE action = 'faq.edited'"));
    }

    @Test
    void invalid_fields_are_refused_with_an_indonesian_message_each() {
        FaqEntry opened = admin.entry(KEY);
        FaqDraft bad = new FaqDraft("J".repeat(41), "a".repeat(601), "", List.of(new FaqEntry.Source("Blog", "https://contoh.com")),
                LocalDate.of(2026, 12, 1), false, List.of("legal.tidak_ada"), OptionalInt.of(0), true);

        assertThatThrownBy(() -> admin.save(KEY, opened.version(), bad, "sari"))
                .isInstanceOfSatisfying(FaqAdminException.class, refused -> {
                    assertEquals(FaqAdminException.Kind.INVALID, refused.kind());
                    assertThat(refused.fieldErrors()).containsOnly(
                            Map.entry("title", "Judul paling banyak 40 karakter."),
                            Map.entry("answer", "Jawaban layar pertama paling banyak 600 karakter. Pindahkan sisanya ke bagian Selengkapnya."),
                            Map.entry("sources", "Minimal satu sumber harus alamat resmi pemerintah (.go.id)."),
                            Map.entry("reviewedOn", "Tanggal terakhir diperiksa tidak boleh setelah hari ini."),
                            Map.entry("related", "Entri terkait legal.tidak_ada tidak ditemukan."),
                            Map.entry("menuOrder", "Urutan menu harus bilangan bulat 1 sampai 999, atau kosong jika tidak tampil di menu."));
                });
        FaqDraft http = new FaqDraft("Judul", "Jawaban", "", List.of(new FaqEntry.Source("OSS", "http://oss.go.id")),
                LocalDate.of(2026, 11, 1), false, List.of("halal.cost", "halal.duration", "legal.pirt", "legal.kbli"), OptionalInt.empty(), true);
        assertThatThrownBy(() -> admin.save(KEY, opened.version(), http, "sari"))
                .isInstanceOfSatisfying(FaqAdminException.class, refused -> assertThat(refused.fieldErrors()).containsOnly(
                        Map.entry("sources", "Sumber ke-1: alamat harus diawali https://."),
                        Map.entry("related", "Entri terkait paling banyak 3.")));
        assertEquals(opened.version(), admin.entry(KEY).version());
        assertEquals(0, Sql.count(url, "SELECT count(*) FROM audit_log"));
    }

    @Test
    void the_diff_shows_the_changed_lines_and_restore_brings_an_old_version_back() {
        FaqEntry original = admin.entry(KEY);
        FaqEntry edited = admin.save(KEY, original.version(), withAnswer(FaqDraft.of(original), "Baris baru dari admin."), "sari");

        FaqDiff diff = admin.diff(KEY, original.version(), edited.version());
        assertThat(diff.lines()).contains(new FaqDiff.Line(FaqDiff.Change.SAME, "Judul: " + original.title()),
                new FaqDiff.Line(FaqDiff.Change.ADDED, "Baris baru dari admin."));
        assertThat(diff.lines()).filteredOn(line -> line.change() == FaqDiff.Change.REMOVED).extracting(FaqDiff.Line::text)
                .containsExactlyElementsOf(original.answer().lines().toList());
        assertThat(admin.diff(KEY, original.version(), original.version()).identical()).isTrue();

        FaqEntry restored = admin.restore(KEY, original.version(), edited.version(), "budi");

        assertEquals(edited.version() + 1, restored.version());
        assertEquals(original.answer(), restored.answer());
        assertEquals(original.answer(), catalog.entry(KEY).orElseThrow().answer());
        JsonNode audit = audit("faq.restored");
        assertEquals(original.version(), audit.get("details").get("restoredFrom").asInt());
        assertEquals("Baris baru dari admin.", audit.get("details").get("before").get("answer").asText());
        assertThat(admin.diff(KEY, original.version(), restored.version()).identical()).isTrue();
    }

    @Test
    void a_new_topic_gets_an_entry_and_a_taken_or_non_topic_key_is_refused() {
        FaqDraft draft = new FaqDraft("NPWP untuk usaha", "NPWP dibuat gratis di DJP. " + SCRIPT, "", List.of(
                new FaqEntry.Source("DJP", "https://pajak.go.id")), LocalDate.of(2026, 11, 28), true, List.of(KEY), OptionalInt.of(90), true);

        FaqEntry created = admin.create("legal.npwp", "legal", draft, "sari");

        assertEquals(1, created.version());
        assertEquals("NPWP dibuat gratis di DJP. " + SCRIPT, catalog.entry("legal.npwp").orElseThrow().answer());
        assertEquals(1, admin.revisions("legal.npwp").size());
        assertEquals("legal.npwp", audit("faq.created").get("subject").asText());
        assertThatThrownBy(() -> admin.create("legal.npwp", "legal", draft, "sari")).isInstanceOfSatisfying(FaqAdminException.class,
                refused -> assertEquals(Map.of("key", "Kunci legal.npwp sudah dipakai entri lain."), refused.fieldErrors()));
        assertThatThrownBy(() -> admin.create("smalltalk.greeting", "ekonomi", draft, "sari")).isInstanceOfSatisfying(FaqAdminException.class,
                refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("key", "topic"));
    }

    @Test
    void unpublishing_hides_the_entry_from_the_bot_but_not_from_the_admin_list() {
        assertThat(catalog.entry(KEY)).isPresent();

        admin.setPublished(KEY, false, "sari");

        assertThat(catalog.entry(KEY)).isEmpty();
        assertThat(admin.list(FaqFilter.all().matching(KEY))).singleElement().satisfies(item -> assertThat(item.published()).isFalse());
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM audit_log WHERE action = 'faq.unpublished' AND subject = '" + KEY + "'"));
        admin.setPublished(KEY, true, "sari");
        assertThat(catalog.entry(KEY)).isPresent();
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM audit_log WHERE action = 'faq.published'"));
    }

    @Test
    void the_often_unhelpful_filter_counts_votes_on_the_current_version_only() {
        votes("halal.cost", 1, 1, 3);      // 4 votes, 75 % 👎
        votes("legal.pirt", 1, 3, 1);      // 4 votes, 25 % 👎
        votes("legal.kbli", 1, 0, 1);      // too few votes
        votes("legal.pirt", 99, 0, 9);     // another version's votes do not count

        List<FaqListItem> unhelpful = admin.list(FaqFilter.all().oftenUnhelpful(3, 0.5));

        assertThat(unhelpful).extracting(FaqListItem::key).containsExactly("halal.cost");
        assertEquals(1, unhelpful.get(0).helpful());
        assertEquals(3, unhelpful.get(0).unhelpful());
        FaqListItem pirt = admin.list(FaqFilter.all().matching("legal.pirt")).get(0);
        assertEquals(3, pirt.helpful());
        assertEquals(1, pirt.unhelpful());
    }

    @Test
    void search_stale_and_uncertain_filters_narrow_the_list() {
        Sql.execute(url, "UPDATE faq_entries SET reviewed_on = '2026-01-01' WHERE intent_key = 'legal.kbli'");
        Sql.execute(url, "UPDATE faq_entries SET answer = answer || ' 100%_hemat' WHERE intent_key = 'legal.pirt'");
        Sql.execute(url, "UPDATE faq_entries SET published = false WHERE intent_key = 'halal.cost'");

        assertThat(admin.list(FaqFilter.all())).hasSize((int) Sql.count(url, "SELECT count(*) FROM faq_entries"));
        assertThat(admin.list(FaqFilter.all().staleAfter(180))).extracting(FaqListItem::key).containsExactly("legal.kbli");
        assertThat(admin.list(FaqFilter.all().matching("100%_HEMAT"))).extracting(FaqListItem::key).containsExactly("legal.pirt");
        assertThat(admin.list(FaqFilter.all().matching("100%x"))).isEmpty();
        assertThat(admin.list(FaqFilter.all().matching("BIAYA MEMBUAT nib"))).extracting(FaqListItem::key).containsExactly(KEY);
        assertThat(admin.list(FaqFilter.all().matching("halal.cost"))).extracting(FaqListItem::key).containsExactly("halal.cost");
        long uncertain = Sql.count(url, "SELECT count(*) FROM faq_entries WHERE uncertain");
        assertThat(admin.list(FaqFilter.all().uncertain())).hasSize((int) uncertain).allSatisfy(item -> assertThat(item.uncertain()).isTrue());
    }

    @Test
    void the_preview_is_the_first_screen_the_bot_sends() {
        FaqEntry entry = admin.entry(KEY);
        FaqDraft draft = new FaqDraft(entry.title(), "**Gratis.** " + SCRIPT, "Rincian.", List.of(
                new FaqEntry.Source("OSS", "https://oss.go.id"), new FaqEntry.Source("Belum lengkap", "https://")),
                entry.reviewedOn(), true, List.of("legal.pirt"), OptionalInt.empty(), true);
        BotTexts texts = BotTexts.load();

        FaqPreview.Preview preview = new FaqPreview(texts, catalog).render(KEY, draft);

        FaqDraft valid = new FaqDraft(draft.title(), draft.answer(), draft.details(), List.of(draft.sources().get(0)),
                draft.reviewedOn(), true, draft.related(), draft.menuOrder(), true);
        assertEquals(FaqText.firstScreen(valid.toEntry(KEY, "legal", 1), texts::get), preview.firstScreen(),
                "the bot's own text building, an incomplete source left out");
        assertThat(preview.firstScreen()).contains(texts.get("faq.uncertain")).contains("oss.go.id").contains(SCRIPT);
        assertThat(preview.firstScreenSpans()).contains(new FaqPreview.Span(entry.title(), true), new FaqPreview.Span("Gratis.", true));
        assertThat(preview.buttons()).startsWith(texts.get("faq.more"), texts.get("faq.vote.up"), texts.get("faq.vote.down"),
                catalog.entry("legal.pirt").orElseThrow().title());
        assertThat(preview.details()).contains("Rincian.").contains("https://oss.go.id");
    }

    private static FaqDraft withAnswer(FaqDraft draft, String answer) {
        return new FaqDraft(draft.title(), answer, draft.details(), draft.sources(), draft.reviewedOn(), draft.uncertain(),
                draft.related(), draft.menuOrder(), draft.published());
    }

    private void votes(String key, int version, int helpful, int unhelpful) {
        for (int i = 0; i < helpful + unhelpful; i++) {
            Sql.execute(url, "INSERT INTO faq_votes (intent_key, version, chat_id, helpful) VALUES ('" + key + "', " + version
                    + ", NULL, " + (i < helpful) + ")");
        }
    }

    /** The newest audit row of an action, as JSON. */
    private JsonNode audit(String action) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT row_to_json(a)::text FROM audit_log a WHERE action = '" + action
                     + "' ORDER BY id DESC LIMIT 1")) {
            assertThat(rows.next()).as("an audit row for " + action).isTrue();
            return JSON.readTree(rows.getString(1));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
