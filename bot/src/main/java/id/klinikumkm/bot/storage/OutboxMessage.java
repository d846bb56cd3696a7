package id.klinikumkm.bot.storage;

/** A pending outbound message claimed for sending. {@code buttons} is the JSON array as stored. */
public record OutboxMessage(long id, long chatId, String externalChatId, String body, String buttons, int partsSent, int attempts) {}
