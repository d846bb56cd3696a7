package id.klinikumkm.bot.faq;

/** An entry as a seed file in {@code config/faq/} describes it, with the file's version. */
record SeedEntry(FaqEntry entry, int seedVersion, String file) {}
