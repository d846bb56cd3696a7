package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;

/** An internal note on a case, never shown to the user. */
public record CaseNote(String body, String author, OffsetDateTime createdAt) {}
