package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;

/** An outbound transcript row: {@code id} is the service-wide key, {@code seq} its number within the chat. */
record StoredMessageRow(long id, long seq, String body, String buttons, OffsetDateTime createdAt, String author) {}
