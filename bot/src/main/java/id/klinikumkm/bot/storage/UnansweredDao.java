package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Questions the bot could not answer with confidence, kept for admins to review (written by {@link TurnStatements}). */
interface UnansweredDao {

    @SqlUpdate("DELETE FROM unanswered_questions WHERE chat_id = :chatId")
    int deleteUnansweredOfChat(long chatId);
}
