package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;

/**
 * A transcript row in either direction; {@code seq} is its number within the chat, {@code text} a pressed
 * button's label where it can be found.
 */
record TranscriptRow(long seq, String author, String text, String buttons, OffsetDateTime createdAt) {}
