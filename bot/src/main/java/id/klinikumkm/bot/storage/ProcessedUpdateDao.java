package id.klinikumkm.bot.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The processed_updates aggregate: every channel update, recorded once, marked when handled. */
public interface ProcessedUpdateDao {

    /**
     * Marks an update handled; false when it was handled already. Inserts the row if it was never recorded,
     * so the mark holds for any caller.
     */
    @SqlQuery("""
            INSERT INTO processed_updates (channel, update_id, payload, handled_at)
            VALUES (:channel, :updateId, '{}'::jsonb, now())
            ON CONFLICT (channel, update_id) DO UPDATE SET handled_at = now()
              WHERE processed_updates.handled_at IS NULL
            RETURNING true
            """)
    java.util.Optional<Boolean> markHandled(String channel, long updateId);

    /** Payloads recorded but not handled (a crash or an outage in between), oldest first. */
    @SqlQuery("""
            SELECT payload::text FROM processed_updates
            WHERE channel = :channel AND handled_at IS NULL
              AND received_at < now() - make_interval(secs => :olderThanSeconds)
              AND attempts < :maxAttempts
            ORDER BY update_id
            LIMIT :limit
            """)
    List<String> unhandled(String channel, double olderThanSeconds, int maxAttempts, int limit);

    /** Counts a failed try; after too many the sweeper leaves the update alone, with its error kept. */
    @SqlUpdate("""
            UPDATE processed_updates SET attempts = attempts + 1, error = :error
            WHERE channel = :channel AND update_id = :updateId
            """)
    void noteFailure(String channel, long updateId, String error);
}
