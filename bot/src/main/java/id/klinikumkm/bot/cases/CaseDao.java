package id.klinikumkm.bot.cases;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The cases aggregate; used inside the turn's transaction of the chat a case belongs to. */
@RegisterConstructorMapper(CaseSummary.class)
public interface CaseDao {

    /** The next number of {@code year}; the counter row stays locked until the transaction ends. */
    @SqlQuery("""
            INSERT INTO case_numbers (year, last) VALUES (:year, 1)
            ON CONFLICT (year) DO UPDATE SET last = case_numbers.last + 1
            RETURNING last
            """)
    int nextNumber(int year);

    @SqlQuery("""
            INSERT INTO cases (number, chat_id, channel, submission, needs, kecamatan, outside_place,
                               full_name, business_name, product, phone, description, intake)
            SELECT :number, c.id, c.channel, :submission, CAST(:needs AS text[]), :kecamatan, :outsidePlace,
                   :fullName, :businessName, :product, :phone, :description, CAST(:intake AS jsonb)
            FROM chats c WHERE c.channel = :channel AND c.external_id = :externalId
            RETURNING id
            """)
    long insert(@Bind("channel") String channel, @Bind("externalId") String externalId, @Bind("number") String number,
               @Bind("submission") String submission, @Bind("needs") String[] needs, @Bind("kecamatan") String kecamatan,
               @Bind("outsidePlace") String outsidePlace, @Bind("fullName") String fullName,
               @Bind("businessName") String businessName, @Bind("product") String product, @Bind("phone") String phone,
               @Bind("description") String description, @Bind("intake") String intake);

    @SqlQuery("""
            SELECT k.number FROM cases k JOIN chats c ON c.id = k.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId AND k.submission = :submission
            """)
    Optional<String> numberOf(String channel, String externalId, String submission);

    /** The chat's cases, newest first. */
    @SqlQuery("""
            SELECT k.number, k.status, k.created_at, k.updated_at, a.display_name AS consultant
            FROM cases k JOIN chats c ON c.id = k.chat_id LEFT JOIN accounts a ON a.id = k.assigned_to
            WHERE c.channel = :channel AND c.external_id = :externalId
            ORDER BY k.created_at DESC, k.id DESC LIMIT :limit
            """)
    List<CaseSummary> ofChat(String channel, String externalId, int limit);

    /** The intake of the chat's newest case whose personal data was not erased, to offer it again. */
    @SqlQuery("""
            SELECT k.intake::text FROM cases k JOIN chats c ON c.id = k.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId AND k.erased_at IS NULL
            ORDER BY k.created_at DESC, k.id DESC LIMIT 1
            """)
    Optional<String> latestIntake(String channel, String externalId);

    /** Active consultants sharing a specialty with {@code needs}, fewest open cases first, then idle longest. */
    @SqlQuery("""
            SELECT a.id AS account_id, a.display_name, p.max_open_cases,
                   (SELECT count(*) FROM cases k
                    WHERE k.assigned_to = a.id AND k.status IN ('assigned', 'in_progress', 'waiting_user')) AS open_cases
            FROM accounts a JOIN consultant_profiles p ON p.account_id = a.id
            WHERE a.role = 'consultant' AND a.disabled_at IS NULL AND p.active
              AND p.specialties && CAST(:needs AS text[])
            ORDER BY open_cases, p.last_assigned_at NULLS FIRST, a.id
            """)
    @RegisterConstructorMapper(Candidate.class)
    List<Candidate> candidates(String[] needs);

    @SqlUpdate("""
            UPDATE cases SET status = 'assigned', assigned_to = :accountId, assigned_at = now(), updated_at = now()
            WHERE id = :caseId
            """)
    void assign(long caseId, long accountId);

    @SqlUpdate("UPDATE consultant_profiles SET last_assigned_at = now() WHERE account_id = :accountId")
    void markAssigned(long accountId);

    @SqlUpdate("""
            INSERT INTO case_events (case_id, actor_kind, actor_id, kind, from_status, to_status, detail)
            VALUES (:caseId, :actorKind, :actorId, :kind, :fromStatus, :toStatus, :detail)
            """)
    void event(@Bind("caseId") long caseId, @Bind("actorKind") String actorKind, @Bind("actorId") Long actorId,
               @Bind("kind") String kind, @Bind("fromStatus") String fromStatus, @Bind("toStatus") String toStatus,
               @Bind("detail") String detail);

    /** The case with what deciding an action on it needs; read under its chat's lock. */
    @SqlQuery("""
            SELECT k.id, k.number, k.status, k.assigned_to, a.display_name AS holder, c.channel, c.external_id
            FROM cases k JOIN chats c ON c.id = k.chat_id LEFT JOIN accounts a ON a.id = k.assigned_to
            WHERE k.number = :number
            """)
    @RegisterConstructorMapper(CaseRef.class)
    Optional<CaseRef> ref(String number);

    /** Takes a case from the queue, or one routed to this consultant; at most one claimant wins. */
    @SqlUpdate("""
            UPDATE cases SET status = 'in_progress', assigned_to = :accountId, assigned_at = coalesce(assigned_at, now()),
                   updated_at = now()
            WHERE id = :caseId AND (status = 'new' OR status = 'assigned' AND assigned_to = :accountId)
            """)
    int claim(long caseId, long accountId);

    @SqlUpdate("""
            UPDATE cases SET status = :status, updated_at = now(),
                   first_reply_at = CASE WHEN :replied THEN coalesce(first_reply_at, now()) ELSE first_reply_at END,
                   resolved_at = CASE WHEN :status = 'resolved' THEN now() ELSE resolved_at END,
                   closed_at = CASE WHEN :status = 'closed' THEN now() ELSE closed_at END
            WHERE id = :caseId
            """)
    void setStatus(long caseId, String status, boolean replied);

    @SqlUpdate("""
            UPDATE cases SET assigned_to = :accountId, status = 'assigned', assigned_at = now(), updated_at = now()
            WHERE id = :caseId
            """)
    void reassign(long caseId, long accountId);

    /**
     * The user's rating of a resolved case of their own chat; once only. A button naming another chat's case
     * (forged, or kept from someone else's screen) changes nothing.
     */
    @SqlUpdate("""
            UPDATE cases SET rating = :rating, rated_at = now(), updated_at = now()
            WHERE number = :number AND status IN ('resolved', 'closed') AND rating IS NULL
              AND chat_id = (SELECT id FROM chats WHERE channel = :channel AND external_id = :externalId)
            """)
    int rate(String number, int rating, String channel, String externalId);

    /** Whether case {@code number} was opened from this chat. */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM cases k JOIN chats c ON c.id = k.chat_id
                           WHERE k.number = :number AND c.channel = :channel AND c.external_id = :externalId)
            """)
    boolean isOfChat(String number, String channel, String externalId);

    @SqlUpdate("""
            UPDATE cases SET rating_comment = :comment, updated_at = now()
            WHERE number = :number AND rating IS NOT NULL AND rating_comment IS NULL
            """)
    int comment(String number, String comment);

    /** Milliseconds since the case was opened, while no consultant has replied to it yet. */
    @SqlQuery("SELECT (extract(epoch FROM now() - created_at) * 1000)::bigint FROM cases WHERE id = :caseId AND first_reply_at IS NULL")
    Optional<Long> awaitingFirstReplyMillis(long caseId);

    /** How many cases have each status (for the metrics; the status index answers it). */
    @SqlQuery("SELECT status, count(*) AS cases FROM cases GROUP BY status")
    @KeyColumn("status")
    @ValueColumn("cases")
    java.util.Map<String, Long> countByStatus();
}
