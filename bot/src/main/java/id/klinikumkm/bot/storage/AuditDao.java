package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log: who did what, never what was said. */
interface AuditDao {
    @SqlUpdate("""
            INSERT INTO audit_log (actor_kind, actor, action, subject)
            VALUES (:actorKind, :actor, :action, :subject)
            """)
    void record(String actorKind, String actor, String action, String subject);
}
