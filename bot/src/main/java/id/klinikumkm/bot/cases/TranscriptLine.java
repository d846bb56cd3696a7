package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;

/** One message of a case's chat as the consultant sees it. */
public record TranscriptLine(long id, String direction, String author, String kind, String body, OffsetDateTime createdAt,
                             boolean hasFile) {}
