package id.klinikumkm.bot.storage;

/** A pending outbound message claimed for sending. {@code buttons} is the JSON array as stored. */
public record OutboxMessage(long id, String externalChatId, String body, String buttons, int partsSent, int attempts) {}
