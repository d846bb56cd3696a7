package id.klinikumkm.bot.storage;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The messages aggregate: each chat's transcript, which is also the outbox of push channels. */
@RegisterConstructorMapper(StoredMessageRow.class)
interface MessageDao {

    @SqlQuery("""
            SELECT m.id, m.seq, m.body, m.buttons::text AS buttons, m.created_at, m.author
            FROM messages m JOIN chats c ON c.id = m.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId
              AND m.direction = 'out' AND m.seq > :afterSeq
            ORDER BY m.seq
            LIMIT :limit
            """)
    List<StoredMessageRow> outboundAfter(String channel, String externalId, long afterSeq, int limit);

    /**
     * The newest {@code limit} messages of a chat, oldest first. A pressed button is shown by the label it had
     * on the latest earlier message that offered it (its payload when none did).
     */
    @SqlQuery("""
            SELECT * FROM (
                SELECT m.id, m.seq, m.author, m.buttons::text AS buttons, m.created_at,
                       CASE WHEN m.kind = 'button' THEN coalesce((
                           SELECT b ->> 'label' FROM messages o, jsonb_array_elements(o.buttons) b
                           WHERE o.chat_id = m.chat_id AND o.direction = 'out' AND o.id < m.id
                             AND b ->> 'payload' = m.body
                           ORDER BY o.id DESC LIMIT 1), m.body)
                       ELSE m.body END AS text
                FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE c.channel = :channel AND c.external_id = :externalId
                ORDER BY m.id DESC
                LIMIT :limit) newest
            ORDER BY id
            """)
    @RegisterConstructorMapper(TranscriptRow.class)
    List<TranscriptRow> history(String channel, String externalId, int limit);

    @SqlQuery("""
            SELECT body FROM messages
            WHERE chat_id = :chatId AND direction = 'in' AND kind = 'text' AND body NOT LIKE '/%'
            ORDER BY id DESC LIMIT 1
            """)
    java.util.Optional<String> lastTypedText(long chatId);

    @SqlQuery("SELECT coalesce(max(id), 0) FROM messages WHERE chat_id = :chatId")
    long lastId(long chatId);

    @SqlUpdate("DELETE FROM messages WHERE chat_id = :chatId AND id > :mark")
    int deleteAfter(long chatId, long mark);

    @SqlUpdate("DELETE FROM messages WHERE chat_id = :chatId")
    int deleteMessagesOfChat(long chatId);
}
