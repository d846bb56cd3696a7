package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;

/** A case as its user sees it in /status. */
public record CaseSummary(String number, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
