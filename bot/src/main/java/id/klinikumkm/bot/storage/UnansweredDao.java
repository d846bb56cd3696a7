package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Questions the bot could not answer with confidence, kept for admins to review. */
interface UnansweredDao {

    /**
     * @param decision {@code clarify} or {@code fallback}
     * @param topIntents JSON array of {@code {"key": ..., "probability": ...}}, best first
     */
    @SqlUpdate("""
            INSERT INTO unanswered_questions (chat_id, text, decision, top_intents)
            VALUES (:chatId, :text, :decision, CAST(:topIntents AS jsonb))
            """)
    void insert(long chatId, String text, String decision, String topIntents);

    @SqlUpdate("DELETE FROM unanswered_questions WHERE chat_id = :chatId")
    int deleteForChat(long chatId);
}
