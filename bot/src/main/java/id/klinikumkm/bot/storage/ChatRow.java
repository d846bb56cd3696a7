package id.klinikumkm.bot.storage;

/** A row of the chats table, as the conversation store needs it. */
record ChatRow(long id, String stateStep, String stateSlots, boolean consented) {}
