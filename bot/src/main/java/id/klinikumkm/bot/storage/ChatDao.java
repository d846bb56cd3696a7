package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The chats aggregate: identity, conversation state and profile of one conversation. */
@RegisterConstructorMapper(ChatRow.class)
interface ChatDao {

    @SqlUpdate("""
            INSERT INTO chats (channel, external_id) VALUES (:channel, :externalId)
            ON CONFLICT (channel, external_id) DO NOTHING
            """)
    void ensureExists(String channel, String externalId);

    /**
     * Locks the chat row until the transaction ends, serialising turns of one chat across instances; empty
     * for a chat never seen (then {@link #ensureExists} and lock again).
     */
    @SqlQuery("""
            SELECT id, state_flow, state_step, state_slots::text AS state_slots, state_entered_at,
                   consent_at IS NOT NULL AS consented, display_name
            FROM chats WHERE channel = :channel AND external_id = :externalId
            FOR UPDATE
            """)
    java.util.Optional<ChatRow> lock(String channel, String externalId);

    @SqlUpdate("UPDATE chats SET consent_at = CASE WHEN :given THEN now() END, updated_at = now() WHERE id = :chatId")
    void saveConsent(long chatId, boolean given);

    @SqlUpdate("UPDATE chats SET display_name = :displayName, updated_at = now() WHERE id = :chatId")
    void saveDisplayName(long chatId, String displayName);

    /** Keeps the chat's FAQ votes for the counts but no longer ties them to the chat (erasure). */
    @SqlUpdate("UPDATE faq_votes SET chat_id = NULL WHERE chat_id = :chatId")
    void forgetVotes(long chatId);

    /** Forgets the person behind the chat; the row stays so the chat id can still be answered. */
    @SqlUpdate("""
            UPDATE chats SET display_name = NULL, consent_at = NULL, state_flow = '', state_step = '',
                   state_slots = '{}'::jsonb, updated_at = now()
            WHERE id = :chatId
            """)
    void forgetProfile(long chatId);

    /** Empties the personal fields of the chat's cases; number, status, needs and kecamatan stay for the reports. */
    @SqlUpdate("""
            UPDATE cases SET full_name = NULL, business_name = NULL, product = NULL, phone = NULL, description = NULL,
                   rating_comment = NULL,
                   outside_place = CASE WHEN outside_place IS NULL THEN NULL ELSE '' END,
                   intake = '{}'::jsonb, erased_at = now(), updated_at = now()
            WHERE chat_id = :chatId AND erased_at IS NULL
            """)
    void forgetCases(long chatId);

    /** Consultants' notes on the chat's cases are about the person, so they go too. */
    @SqlUpdate("DELETE FROM case_notes WHERE case_id IN (SELECT id FROM cases WHERE chat_id = :chatId)")
    void forgetCaseNotes(long chatId);

    /**
     * Telegram keeps what a user sent in the raw updates recorded for exactly-once handling: once handled, those of
     * the chat keep only their update id (still enough to recognise a repeated delivery).
     */
    @SqlUpdate("""
            UPDATE processed_updates SET payload = jsonb_build_object('update_id', update_id)
            WHERE channel = :channel AND handled_at IS NOT NULL
              AND payload <> jsonb_build_object('update_id', update_id)
              AND :externalId IN (payload #>> '{message,chat,id}', payload #>> '{edited_message,chat,id}',
                                  payload #>> '{callback_query,message,chat,id}', payload #>> '{callback_query,from,id}',
                                  payload #>> '{my_chat_member,chat,id}')
            """)
    void forgetUpdates(String channel, String externalId);
}
