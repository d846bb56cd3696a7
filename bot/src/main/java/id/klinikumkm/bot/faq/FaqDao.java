package id.klinikumkm.bot.faq;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    @SqlQuery("SELECT count(*) FROM faq_revisions r JOIN faq_entries e ON e.id = r.entry_id WHERE e.intent_key = :key")
    int revisionCount(String key);

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

    @SqlQuery("SELECT count(*) FROM faq_votes WHERE intent_key = :key AND version = :version AND helpful = :helpful")
    int votes(@Bind("key") String key, @Bind("version") int version, @Bind("helpful") boolean helpful);
}
