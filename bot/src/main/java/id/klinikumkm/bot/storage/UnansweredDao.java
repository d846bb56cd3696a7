package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Questions the bot could not answer with confidence, kept for admins to review. */
interface UnansweredDao {

    /**
     * @param reason why it was kept: {@code clarify}, {@code fallback}, {@code unhelpful}, {@code no_entry}
     * @param topIntents JSON array of {@code {"key": ..., "probability": ...}}, best first
     */
    @SqlUpdate("""
            INSERT INTO unanswered_questions (chat_id, text, reason, top_intents)
            VALUES (:chatId, :text, :reason, CAST(:topIntents AS jsonb))
            """)
    void insert(long chatId, String text, String reason, String topIntents);

    @SqlUpdate("DELETE FROM unanswered_questions WHERE chat_id = :chatId")
    int deleteUnansweredOfChat(long chatId);
}
