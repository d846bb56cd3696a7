package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;

/** One row of the workspace's lists. */
public record CaseListItem(String number, String status, String needs, String place, String fullName, String product,
                           String holder, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
