package id.klinikumkm.bot.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sending side of the messages aggregate: outbound rows with delivery 'pending' are the outbox of push
 * channels. Claims take a lease (next_attempt_at in the future) so several instances never send the same row,
 * and only the oldest pending message of each chat is claimable, so a chat's messages go out in order.
 */
@RegisterConstructorMapper(OutboxMessage.class)
public interface OutboxDao {

    /** The claim, shared with the benchmark that shows its plan and time under a large backlog. */
    String CLAIM_DUE = """
            WITH due AS (
                SELECT m.id FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE m.delivery = 'pending' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= now())
                  AND c.channel = :channel AND c.blocked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM messages e
                                  WHERE e.chat_id = m.chat_id AND e.delivery = 'pending' AND e.id < m.id)
                ORDER BY m.id
                LIMIT :limit
                FOR UPDATE OF m SKIP LOCKED
            )
            UPDATE messages m SET next_attempt_at = now() + make_interval(secs => :leaseSeconds)
            FROM due, chats c
            WHERE m.id = due.id AND c.id = m.chat_id
            RETURNING m.id, c.external_id AS external_chat_id, m.body, m.buttons::text AS buttons,
                      m.parts_sent, m.attempts
            """;

    /** Leases up to {@code limit} due messages, each the oldest pending one of its chat, oldest first. */
    @SqlQuery(CLAIM_DUE)
    List<OutboxMessage> claimDue(String channel, int limit, double leaseSeconds);

    @SqlUpdate("UPDATE messages SET parts_sent = :partsSent WHERE id = :id")
    void markPartsSent(long id, int partsSent);

    /** Marks the message sent; returns the milliseconds since it was queued (the database's own clock for both). */
    @SqlQuery("""
            UPDATE messages SET delivery = 'sent', next_attempt_at = NULL, delivery_error = NULL WHERE id = :id
            RETURNING (extract(epoch FROM clock_timestamp() - created_at) * 1000)::bigint
            """)
    java.util.Optional<Long> markSent(long id);

    /** Tries again after a delay; {@code countsAsAttempt} is false for our own pacing, true for failures. */
    @SqlUpdate("""
            UPDATE messages SET next_attempt_at = now() + make_interval(secs => :delaySeconds),
                   delivery_error = :error, attempts = attempts + CASE WHEN :countsAsAttempt THEN 1 ELSE 0 END
            WHERE id = :id
            """)
    void retryLater(long id, double delaySeconds, String error, boolean countsAsAttempt);

    @SqlUpdate("UPDATE messages SET delivery = 'failed', next_attempt_at = NULL, delivery_error = :reason WHERE id = :id")
    void markFailed(long id, String reason);

    /** The user blocked the bot: stop sending to the chat and fail what was waiting, with the reason. */
    @SqlUpdate("""
            WITH blocked AS (
                UPDATE chats SET blocked_at = now()
                WHERE channel = :channel AND external_id = :externalId RETURNING id)
            UPDATE messages SET delivery = 'failed', next_attempt_at = NULL, delivery_error = :reason
            WHERE chat_id IN (SELECT id FROM blocked) AND delivery = 'pending'
            """)
    void blockChat(String channel, String externalId, String reason);

    @SqlUpdate("UPDATE chats SET blocked_at = NULL WHERE channel = :channel AND external_id = :externalId")
    void unblockChat(String channel, String externalId);

    @SqlQuery("SELECT count(*) FROM messages WHERE delivery = 'pending'")
    long pendingCount();
}
