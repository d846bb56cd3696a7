package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;

/** A row of the chats table, as the conversation store needs it. */
record ChatRow(long id, String stateFlow, String stateStep, String stateSlots, OffsetDateTime stateEnteredAt,
               boolean consented, String displayName) {}
