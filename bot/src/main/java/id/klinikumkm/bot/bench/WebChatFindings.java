package id.klinikumkm.bot.bench;

/** The service side of a measured web chat phase: answers without a reply and reply ids seen twice. */
record WebChatFindings(long withoutReply, long duplicated) {}
