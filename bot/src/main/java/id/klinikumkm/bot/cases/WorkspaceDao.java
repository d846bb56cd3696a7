package id.klinikumkm.bot.cases;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the consultants' workspace reads: lists, one case with its transcript, events and notes. */
public interface WorkspaceDao {
    String LIST = """
            SELECT k.number, k.status, array_to_string(k.needs, ',') AS needs,
                   coalesce(k.kecamatan, 'Di luar Kab. Probolinggo') AS place, k.full_name, k.product,
                   a.display_name AS holder, k.created_at, k.updated_at
            FROM cases k LEFT JOIN accounts a ON a.id = k.assigned_to
            """;

    @SqlQuery(LIST + " WHERE k.assigned_to = :accountId AND k.status <> 'closed' ORDER BY k.updated_at DESC LIMIT 200")
    @RegisterConstructorMapper(CaseListItem.class)
    List<CaseListItem> assignedTo(long accountId);

    @SqlQuery(LIST + " WHERE k.status = 'new' AND k.assigned_to IS NULL ORDER BY k.created_at LIMIT 200")
    @RegisterConstructorMapper(CaseListItem.class)
    List<CaseListItem> queue();

    @SqlQuery(LIST + " WHERE k.status NOT IN ('resolved', 'closed') ORDER BY k.created_at LIMIT 500")
    @RegisterConstructorMapper(CaseListItem.class)
    List<CaseListItem> allOpen();

    @SqlQuery("""
            SELECT k.id, k.number, k.status, k.channel, array_to_string(k.needs, ',') AS needs, k.kecamatan, k.outside_place,
                   k.full_name, k.business_name, k.product, k.phone, k.description, k.assigned_to,
                   a.display_name AS holder, k.created_at, k.updated_at, k.first_reply_at, k.resolved_at,
                   k.rating, k.rating_comment
            FROM cases k LEFT JOIN accounts a ON a.id = k.assigned_to WHERE k.number = :number
            """)
    @RegisterConstructorMapper(CaseDetail.class)
    Optional<CaseDetail> detail(String number);

    /** The chat's messages from an hour before the case was opened, or newer than {@code afterId}. */
    @SqlQuery("""
            SELECT m.id, m.direction, m.author, m.kind, m.body, m.created_at, m.file_id IS NOT NULL AS has_file
            FROM cases k JOIN messages m ON m.chat_id = k.chat_id
            WHERE k.id = :caseId AND m.id > :afterId AND m.created_at >= k.created_at - interval '1 hour'
            ORDER BY m.id LIMIT 500
            """)
    @RegisterConstructorMapper(TranscriptLine.class)
    List<TranscriptLine> transcript(long caseId, long afterId);

    @SqlQuery("""
            SELECT e.at, e.actor_kind, a.display_name AS actor, e.kind, e.from_status, e.to_status, e.detail
            FROM case_events e LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.case_id = :caseId ORDER BY e.id
            """)
    @RegisterConstructorMapper(CaseEvent.class)
    List<CaseEvent> events(long caseId);

    @SqlQuery("""
            SELECT n.body, a.display_name AS author, n.created_at
            FROM case_notes n JOIN accounts a ON a.id = n.account_id WHERE n.case_id = :caseId ORDER BY n.id
            """)
    @RegisterConstructorMapper(CaseNote.class)
    List<CaseNote> notes(long caseId);

    @SqlUpdate("INSERT INTO case_notes (case_id, account_id, body) VALUES (:caseId, :accountId, :body)")
    void addNote(long caseId, long accountId, String body);

    @SqlUpdate("""
            INSERT INTO case_events (case_id, actor_kind, actor_id, kind, detail)
            VALUES (:caseId, :actorKind, :accountId, 'noted', '')
            """)
    void noteEvent(long caseId, String actorKind, long accountId);

    /** Consultants an admin may hand a case to, with their load. */
    @SqlQuery("""
            SELECT a.id AS account_id, a.username, a.display_name, coalesce(array_to_string(p.specialties, ','), '') AS specialties,
                   coalesce(p.active, false) AS active,
                   (SELECT count(*) FROM cases k WHERE k.assigned_to = a.id
                      AND k.status IN ('assigned', 'in_progress', 'waiting_user')) AS open_cases
            FROM accounts a LEFT JOIN consultant_profiles p ON p.account_id = a.id
            WHERE a.role = 'consultant' AND a.disabled_at IS NULL ORDER BY a.display_name
            """)
    @RegisterConstructorMapper(ConsultantLoad.class)
    List<ConsultantLoad> consultants();

    /** The file_id of a photo or document the case's user sent in its chat. */
    @SqlQuery("""
            SELECT m.file_id FROM cases k JOIN messages m ON m.chat_id = k.chat_id
            WHERE k.id = :caseId AND m.id = :messageId AND m.direction = 'in' AND m.file_id IS NOT NULL
            """)
    Optional<String> fileOf(long caseId, long messageId);
}
