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

    /**
     * The claim, shared with the benchmark that shows its plan and time under a large backlog. It visits the chats
     * with pending messages in chat id order, from {@code :after} up to {@code :upTo}, one index probe each for the
     * chat's oldest pending message (a loose index scan of {@code messages_pending_chat_idx}), and stops once it has
     * {@code :limit} of them that are due. So its cost follows the number of chats it passes, never the number of
     * messages waiting behind a chat's oldest one: a backlog of thousands of replies in a few hundred chats whose
     * oldest reply is leased or waiting for the chat's pace used to be walked row by row.
     */
    String CLAIM_DUE = """
            WITH RECURSIVE heads (chat_id, id) AS (
                (SELECT chat_id, id FROM messages
                 WHERE delivery = 'pending' AND chat_id > :after AND chat_id <= :upTo
                 ORDER BY chat_id, id LIMIT 1)
                UNION ALL
                SELECT next.chat_id, next.id
                FROM heads, LATERAL (
                    SELECT chat_id, id FROM messages
                    WHERE delivery = 'pending' AND chat_id > heads.chat_id AND chat_id <= :upTo
                    ORDER BY chat_id, id LIMIT 1) next
            ),
            due AS (
                SELECT m.id FROM heads h
                JOIN messages m ON m.id = h.id
                JOIN chats c ON c.id = m.chat_id
                WHERE m.delivery = 'pending' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= now())
                  AND c.channel = :channel AND c.blocked_at IS NULL
                LIMIT :limit
                FOR UPDATE OF m SKIP LOCKED
            )
            UPDATE messages m SET next_attempt_at = now() + make_interval(secs => :leaseSeconds)
            FROM due, chats c
            WHERE m.id = due.id AND c.id = m.chat_id
            RETURNING m.id, m.chat_id, c.external_id AS external_chat_id, m.body, m.buttons::text AS buttons,
                      m.parts_sent, m.attempts
            """;

    /**
     * Leases up to {@code limit} due messages, each the oldest pending one of its chat, from the chats with ids in
     * ({@code after}, {@code upTo}], in no particular order. {@link OutboxClaims} goes round the chats with it.
     */
    @SqlQuery(CLAIM_DUE)
    List<OutboxMessage> claimDue(String channel, long after, long upTo, int limit, double leaseSeconds);

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
