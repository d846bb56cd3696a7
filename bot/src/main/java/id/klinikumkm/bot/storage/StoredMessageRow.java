package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;

/** An outbound transcript row. */
record StoredMessageRow(long id, String body, String buttons, OffsetDateTime createdAt, String author) {}
