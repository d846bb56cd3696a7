package id.klinikumkm.bot.inbox;

import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The open unanswered questions, their resolution by staff, and the audit rows of those actions. */
public interface UnansweredInboxDao {

    /** Runs {@code work} in one transaction: questions resolved and the audit row are stored together. */
    @Transaction
    default <T> T inTransaction(Function<UnansweredInboxDao, T> work) {
        return work.apply(this);
    }

    @SqlQuery("""
            SELECT id, text, reason, top_intents::text AS top_intents, created_at
            FROM unanswered_questions WHERE resolved_at IS NULL ORDER BY created_at, id
            """)
    @RegisterConstructorMapper(OpenQuestion.class)
    List<OpenQuestion> open();

    /** Resolves those of {@code ids} still open; returns how many it resolved (a concurrent action may have won). */
    @SqlUpdate("""
            UPDATE unanswered_questions SET resolved_at = now(), resolution = :resolution, resolved_by = :resolvedBy
            WHERE id IN (<ids>) AND resolved_at IS NULL
            """)
    int resolve(@BindList("ids") List<Long> ids, String resolution, String resolvedBy);

    /** An admin's action; {@code details} is a JSON object without any chat text. */
    @SqlUpdate("""
            INSERT INTO audit_log (actor_kind, actor, action, subject, details)
            VALUES ('admin', :actor, :action, :subject, CAST(:details AS jsonb))
            """)
    void auditByAdmin(String actor, String action, String subject, String details);
}
