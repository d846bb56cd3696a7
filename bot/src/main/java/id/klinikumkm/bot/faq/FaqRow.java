package id.klinikumkm.bot.faq;

import java.time.LocalDate;

/** A row of faq_entries; {@code sources} and {@code related} are the JSON arrays as stored. */
record FaqRow(long id, String intentKey, String topic, String title, String answer, String details, String sources,
              LocalDate reviewedOn, boolean uncertain, String related, Integer menuOrder, boolean published,
              int version, Integer seedVersion, String editedBy) {}
