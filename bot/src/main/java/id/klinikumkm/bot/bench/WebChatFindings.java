package id.klinikumkm.bot.bench;

/**
 * The service side of a measured web chat phase: answers without a reply, reply ids seen twice, and intakes that
 * ended with a case number out of those started.
 */
record WebChatFindings(long withoutReply, long duplicated, long casesOpened, long intakesStarted) {}
