package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;

/** A transcript row in either direction; {@code text} is a pressed button's label where it can be found. */
record TranscriptRow(long id, String author, String text, String buttons, OffsetDateTime createdAt) {}
