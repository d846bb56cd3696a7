package id.klinikumkm.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unanswered-questions inbox on a real PostgreSQL: grouping, the group without text, and staff actions. */
class UnansweredInboxIT {
    private String url;
    private Database database;
    private UnansweredInbox inbox;

    @BeforeEach
    void database() {
        url = TestDatabases.embedded().freshDatabaseUrl();
        database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db());
        inbox = new UnansweredInbox(database.jdbi().onDemand(UnansweredInboxDao.class), new ObjectMapper());
        Sql.execute(url, "INSERT INTO chats (id, channel, external_id) VALUES (1, 'web', 'sesi-a'), (2, 'telegram', '42')");
        question(1, "Apa itu NIB?", "clarify", "legal.nib.register", "2026-11-20T01:00:00Z");
        question(2, "apa   itu nib", "fallback", "legal.nib.register", "2026-11-21T01:00:00Z");
        question(1, "APA ITU NIB!!", "clarify", "legal.kbli", "2026-11-22T01:00:00Z");
        question(2, "", "clarify", "halal.cost", "2026-11-23T01:00:00Z");
        question(2, "", "unhelpful", "halal.cost", "2026-11-24T01:00:00Z");
        question(1, "<script>alert(1)</script> biaya halal?", "no_entry", "halal.cost", "2026-11-25T01:00:00Z");
        Sql.execute(url, "INSERT INTO unanswered_questions (chat_id, text, reason, created_at, resolved_at)"
                + " VALUES (1, 'apa itu nib', 'clarify', now(), now())");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void similar_questions_form_one_group_and_those_without_text_another_without_text() {
        List<QuestionGroup> groups = inbox.groups();

        assertThat(groups).hasSize(3);
        QuestionGroup nib = groups.get(0);
        assertEquals(3, nib.count(), "the resolved question is not in the inbox");
        assertEquals("APA ITU NIB!!", nib.text());
        assertEquals(Instant.parse("2026-11-20T01:00:00Z"), nib.firstAt());
        assertEquals(Instant.parse("2026-11-22T01:00:00Z"), nib.lastAt());
        assertEquals(List.of("clarify", "fallback"), nib.reasons());
        assertEquals(Optional.of("legal.nib.register"), nib.topIntent());

        QuestionGroup withoutText = groups.get(1);
        assertEquals(UnansweredInbox.NO_TEXT_GROUP, withoutText.id());
        assertEquals(2, withoutText.count());
        assertEquals(UnansweredInbox.NO_TEXT_LABEL, withoutText.text());
        assertThat(withoutText.textStored()).isFalse();
        assertThat(groups).noneMatch(group -> group.text().isEmpty());

        assertEquals("<script>alert(1)</script> biaya halal?", groups.get(2).text(), "shown as typed: escaping is the page's job");
    }

    @Test
    void dismissing_and_marking_as_example_close_the_group_with_an_audit_row_without_its_text() {
        List<QuestionGroup> groups = inbox.groups();
        String nib = groups.get(0).id();
        String halal = groups.get(2).id();

        assertEquals(3, inbox.dismiss(nib, "sari"));
        assertEquals(0, inbox.dismiss(nib, "budi"), "already handled");
        assertEquals(1, inbox.markAddedAsExample(halal, "halal.cost", "sari"));

        assertThat(inbox.groups()).extracting(QuestionGroup::id).containsExactly(UnansweredInbox.NO_TEXT_GROUP);
        assertEquals(3, Sql.count(url, "SELECT count(*) FROM unanswered_questions WHERE resolution = 'dismissed'"
                + " AND resolved_by = 'sari' AND resolved_at IS NOT NULL"));
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM unanswered_questions WHERE resolution = 'example:halal.cost'"
                + " AND resolved_by = 'sari'"));
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM audit_log WHERE actor_kind = 'admin' AND actor = 'sari'"
                + " AND action = 'inbox.dismissed' AND subject = 'unanswered:" + nib + "' AND (details->>'questions')::int = 3"));
        assertEquals(1, Sql.count(url, "SELECT count(*) FROM audit_log WHERE action = 'inbox.example_added'"
                + " AND details->>'resolution' = 'example:halal.cost'"));
        assertEquals(0, Sql.count(url, "SELECT count(*) FROM audit_log WHERE details::text ILIKE '%nib%' OR details::text ILIKE '%script%'"),
                "no chat text in the audit log");
    }

    @Test
    void the_group_without_text_cannot_become_an_example_and_keys_must_be_topics() {
        assertThatThrownBy(() -> inbox.markAddedAsExample(UnansweredInbox.NO_TEXT_GROUP, "halal.cost", "sari"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tidak bisa dijadikan contoh");
        String nib = inbox.groups().get(0).id();
        assertThatThrownBy(() -> inbox.markAddedAsExample(nib, "smalltalk.greeting", "sari"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tidak valid");
        assertEquals(0, Sql.count(url, "SELECT count(*) FROM unanswered_questions WHERE resolution IS NOT NULL"));
        assertEquals(2, inbox.dismiss(UnansweredInbox.NO_TEXT_GROUP, "sari"));
    }

    private void question(long chat, String text, String reason, String topIntent, String at) {
        Sql.execute(url, "INSERT INTO unanswered_questions (chat_id, text, reason, top_intents, created_at) VALUES (" + chat + ", '"
                + text.replace("'", "''") + "', '" + reason + "', '[{\"key\": \"" + topIntent + "\", \"probability\": 0.4}]', '" + at + "')");
    }
}
