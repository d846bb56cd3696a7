package id.klinikumkm.bot.storage;

/**
 * Erasing one chat's personal data (UU PDP right to erasure). The user's own {@code /hapus}, an admin's erasure
 * on request and the retention job all run exactly these statements, in the caller's transaction with the chat
 * row locked: the transcript (with the Telegram outbox rows) and unanswered questions are deleted, the personal
 * fields of the chat's cases emptied and the consultants' notes on them deleted, FAQ votes kept but no longer tied
 * to the chat, name, consent and conversation state forgotten, and the handled raw Telegram updates reduced to
 * their ids. What stays is what the clinic counts: case numbers, statuses, needs, kecamatan, ratings, events.
 */
final class ChatErasure {
    private ChatErasure() {}

    static void erase(TurnDao dao, long chatId, String channel, String externalId) {
        dao.deleteMessagesOfChat(chatId);
        dao.forgetCaseNotes(chatId);
        dao.forgetCases(chatId);
        dao.deleteUnansweredOfChat(chatId);
        dao.forgetVotes(chatId);
        dao.forgetProfile(chatId);
        dao.forgetUpdates(channel, externalId);
    }
}
