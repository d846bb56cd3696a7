/**
 * The FAQ: answers to common questions, one entry per intent key, in PostgreSQL.
 *
 * <p>{@link id.klinikumkm.bot.faq.FaqRepository} owns the SQL ({@link id.klinikumkm.bot.faq.FaqDao}: entries,
 * revisions, votes) and loads the seed files of {@code config/faq/} ({@code SeedFiles}) without overwriting
 * admins' edits; {@link id.klinikumkm.bot.faq.FaqCatalog} caches the published entries;
 * {@link id.klinikumkm.bot.faq.FaqAnswers} is the conversation's {@code TopicAnswers} port and handles the
 * {@code faq:} buttons (topic menus, "Selengkapnya", votes); {@link id.klinikumkm.bot.faq.PermitHelperFlow} is
 * the guided "which permits first?" helper. Nothing here knows a channel.
 */
package id.klinikumkm.bot.faq;
