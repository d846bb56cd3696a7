package id.klinikumkm.bot.faq;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The FAQ aggregate: entries, their revisions and the helpfulness votes. */
@RegisterConstructorMapper(FaqRow.class)
public interface FaqDao {
    String COLUMNS = """
            id, intent_key, topic, title, answer, details, sources::text AS sources, reviewed_on, uncertain,
            related::text AS related, menu_order, published, version, seed_version, edited_by
            """;

    @SqlQuery("SELECT " + COLUMNS + " FROM faq_entries WHERE published ORDER BY topic, menu_order NULLS LAST, intent_key")
    List<FaqRow> published();

    @SqlQuery("SELECT " + COLUMNS + " FROM faq_entries WHERE intent_key = :key")
    Optional<FaqRow> find(String key);

    /** Serialises seed loading across instances until the transaction ends. */
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('klinik.faq.seed'))) AS locked")
    int lockSeed();

    @SqlUpdate("""
            INSERT INTO faq_entries (intent_key, topic, title, answer, details, sources, reviewed_on, uncertain,
                                     related, menu_order, published, version, seed_version)
            VALUES (:key, :topic, :title, :answer, :details, CAST(:sources AS jsonb), :reviewedOn, :uncertain,
                    CAST(:related AS jsonb), :menuOrder, true, 1, :seedVersion)
            """)
    @GetGeneratedKeys("id")
    long insertFromSeed(String key, String topic, String title, String answer, String details, String sources,
                        LocalDate reviewedOn, boolean uncertain, String related, Integer menuOrder, int seedVersion);

    /** Replaces an entry nobody edited with a newer seed; true when it was updated. */
    @SqlUpdate("""
            UPDATE faq_entries SET topic = :topic, title = :title, answer = :answer, details = :details,
                   sources = CAST(:sources AS jsonb), reviewed_on = :reviewedOn, uncertain = :uncertain,
                   related = CAST(:related AS jsonb), menu_order = :menuOrder, published = true,
                   version = version + 1, seed_version = :seedVersion, updated_at = now()
            WHERE id = :id AND edited_by IS NULL
            """)
    boolean updateFromSeed(long id, String topic, String title, String answer, String details, String sources,
                           LocalDate reviewedOn, boolean uncertain, String related, Integer menuOrder, int seedVersion);

    /** Keeps the entry's current version among its revisions. */
    @SqlUpdate("""
            INSERT INTO faq_revisions (entry_id, version, title, answer, details, sources, reviewed_on, uncertain,
                                       related, menu_order, published, changed_by)
            SELECT id, version, title, answer, details, sources, reviewed_on, uncertain, related, menu_order,
                   published, :changedBy
            FROM faq_entries WHERE id = :id
            """)
    void keepRevision(long id, String changedBy);


    /** One vote per chat and entry version: voting again replaces the earlier vote. */
    @SqlUpdate("""
            INSERT INTO faq_votes (intent_key, version, chat_id, helpful)
            SELECT :key, :version, c.id, :helpful FROM chats c WHERE c.channel = :channel AND c.external_id = :externalId
            ON CONFLICT (chat_id, intent_key, version) WHERE chat_id IS NOT NULL
            DO UPDATE SET helpful = EXCLUDED.helpful, created_at = now()
            """)
    void vote(String key, int version, String channel, String externalId, boolean helpful);

    /** Runs {@code work} holding the seed lock, in one transaction. */
    @Transaction
    default <T> T underSeedLock(java.util.function.Function<FaqDao, T> work) {
        lockSeed();
        return work.apply(this);
    }


    // ---- Admin pages: listing, editing, history. ----

    /** Runs {@code work} in one transaction: an edit, its revision and its audit row are stored together or not at all. */
    @Transaction
    default <T> T inTransaction(java.util.function.Function<FaqDao, T> work) {
        return work.apply(this);
    }

    /** The entry, its row locked until the transaction ends, so two saves of one entry cannot interleave. */
    @SqlQuery("SELECT " + COLUMNS + " FROM faq_entries WHERE intent_key = :key FOR UPDATE")
    Optional<FaqRow> findForUpdate(String key);

    @SqlQuery("SELECT intent_key FROM faq_entries ORDER BY intent_key")
    List<String> keys();

    /**
     * Every entry, published or not, with the 👍/👎 counts of its current version, narrowed by the filters.
     * A filter that is off matches everything; {@code pattern} is an ILIKE pattern escaped with {@code !}
     * (not a backslash: Jdbi's parser would read one inside a string literal as escaping the quote).
     */
    @SqlQuery("""
            SELECT e.intent_key AS key, e.topic, e.title, e.published, e.uncertain, e.reviewed_on, e.menu_order, e.version,
                   e.edited_by, e.updated_at, coalesce(v.helpful, 0) AS helpful, coalesce(v.unhelpful, 0) AS unhelpful
            FROM faq_entries e
            LEFT JOIN (SELECT intent_key, version, count(*) FILTER (WHERE helpful) AS helpful,
                              count(*) FILTER (WHERE NOT helpful) AS unhelpful
                       FROM faq_votes GROUP BY intent_key, version) v
                   ON v.intent_key = e.intent_key AND v.version = e.version
            WHERE (e.intent_key ILIKE :pattern ESCAPE '!' OR e.title ILIKE :pattern ESCAPE '!'
                   OR e.answer ILIKE :pattern ESCAPE '!' OR e.details ILIKE :pattern ESCAPE '!')
              AND (NOT :staleOnly OR e.reviewed_on < :staleBefore)
              AND (NOT :uncertainOnly OR e.uncertain)
              AND coalesce(v.helpful, 0) + coalesce(v.unhelpful, 0) >= :minVotes
              AND coalesce(v.unhelpful, 0) >= :minUnhelpfulShare * (coalesce(v.helpful, 0) + coalesce(v.unhelpful, 0))
            ORDER BY e.topic, e.menu_order NULLS LAST, e.intent_key
            """)
    @RegisterConstructorMapper(FaqListItem.class)
    List<FaqListItem> list(String pattern, boolean staleOnly, LocalDate staleBefore, boolean uncertainOnly, int minVotes,
                           double minUnhelpfulShare);

    /** An admin's new version; false when the entry is no longer at {@code version} (someone saved meanwhile). */
    @SqlUpdate("""
            UPDATE faq_entries SET title = :title, answer = :answer, details = :details, sources = CAST(:sources AS jsonb),
                   reviewed_on = :reviewedOn, uncertain = :uncertain, related = CAST(:related AS jsonb),
                   menu_order = :menuOrder, published = :published, version = version + 1, edited_by = :editedBy,
                   updated_at = now()
            WHERE id = :id AND version = :version
            """)
    boolean updateByAdmin(long id, int version, String title, String answer, String details, String sources,
                          LocalDate reviewedOn, boolean uncertain, String related, Integer menuOrder, boolean published,
                          String editedBy);

    @SqlUpdate("""
            INSERT INTO faq_entries (intent_key, topic, title, answer, details, sources, reviewed_on, uncertain,
                                     related, menu_order, published, version, seed_version, edited_by)
            VALUES (:key, :topic, :title, :answer, :details, CAST(:sources AS jsonb), :reviewedOn, :uncertain,
                    CAST(:related AS jsonb), :menuOrder, :published, 1, NULL, :editedBy)
            """)
    @GetGeneratedKeys("id")
    long insertByAdmin(String key, String topic, String title, String answer, String details, String sources,
                       LocalDate reviewedOn, boolean uncertain, String related, Integer menuOrder, boolean published,
                       String editedBy);

    /**
     * Publishes or withdraws an entry without a new version: the answer's content is unchanged, so the votes on
     * the current version stay meaningful. {@code edited_by} is set so a newer seed file never republishes it.
     */
    @SqlUpdate("UPDATE faq_entries SET published = :published, edited_by = :editedBy, updated_at = now() WHERE id = :id")
    void setPublished(long id, boolean published, String editedBy);

    String REVISION_COLUMNS = """
            r.version, r.title, r.answer, r.details, r.sources::text AS sources, r.reviewed_on, r.uncertain,
            r.related::text AS related, r.menu_order, r.published, r.changed_by, r.changed_at
            """;

    @SqlQuery("SELECT " + REVISION_COLUMNS + " FROM faq_revisions r JOIN faq_entries e ON e.id = r.entry_id"
            + " WHERE e.intent_key = :key ORDER BY r.version DESC")
    @RegisterConstructorMapper(RevisionRow.class)
    List<RevisionRow> revisions(String key);

    @SqlQuery("SELECT " + REVISION_COLUMNS + " FROM faq_revisions r JOIN faq_entries e ON e.id = r.entry_id"
            + " WHERE e.intent_key = :key AND r.version = :version")
    @RegisterConstructorMapper(RevisionRow.class)
    Optional<RevisionRow> revision(String key, int version);

    /** An admin's action on an entry; {@code details} is a JSON object (before and after, never a password). */
    @SqlUpdate("""
            INSERT INTO audit_log (actor_kind, actor, action, subject, details)
            VALUES ('admin', :actor, :action, :subject, CAST(:details AS jsonb))
            """)
    void auditByAdmin(String actor, String action, String subject, String details);
}
