package id.klinikumkm.bot.faq;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the admins' FAQ list.
 *
 * @param menuOrder position in its topic's menu; null for entries reached only from other entries
 * @param editedBy the admin who last changed it; null while it is as the seed made it
 * @param helpful 👍 votes on the current version
 * @param unhelpful 👎 votes on the current version
 */
public record FaqListItem(String key, String topic, String title, boolean published, boolean uncertain,
                          LocalDate reviewedOn, Integer menuOrder, int version, String editedBy, Instant updatedAt,
                          long helpful, long unhelpful) {}
