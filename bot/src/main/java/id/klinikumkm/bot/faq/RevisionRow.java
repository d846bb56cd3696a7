package id.klinikumkm.bot.faq;

import java.time.Instant;
import java.time.LocalDate;

/** A row of faq_revisions; {@code sources} and {@code related} are the JSON arrays as stored. */
record RevisionRow(int version, String title, String answer, String details, String sources, LocalDate reviewedOn,
                   boolean uncertain, String related, Integer menuOrder, boolean published, String changedBy,
                   Instant changedAt) {}
