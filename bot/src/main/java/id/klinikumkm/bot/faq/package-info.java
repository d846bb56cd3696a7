/**
 * The FAQ: answers to common questions, one entry per intent key, in PostgreSQL.
 *
 * <p>{@link id.klinikumkm.bot.faq.FaqRepository} owns the SQL ({@link id.klinikumkm.bot.faq.FaqDao}: entries,
 * revisions, votes) and loads the seed files of {@code config/faq/} ({@code SeedFiles}) without overwriting
 * admins' edits; {@link id.klinikumkm.bot.faq.FaqCatalog} caches the published entries;
 * {@link id.klinikumkm.bot.faq.FaqAnswers} is the conversation's {@code TopicAnswers} port and handles the
 * {@code faq:} buttons (topic menus, "Selengkapnya", votes); {@link id.klinikumkm.bot.faq.PermitHelperFlow} is
 * the guided "which permits first?" helper.
 *
 * <p>For the admin pages: {@link id.klinikumkm.bot.faq.FaqAdmin} lists, edits, creates, publishes and restores
 * entries (each change a new version with a revision and an audit row, checked by the seed files' rules in
 * {@code EntryRules}), {@link id.klinikumkm.bot.faq.FaqDiff} compares two versions line by line, and
 * {@link id.klinikumkm.bot.faq.FaqPreview} shows a draft as the bot would send it ({@code FaqText} builds the
 * answer texts for both the bot and the preview). Nothing here knows a channel or a page.
 */
package id.klinikumkm.bot.faq;
