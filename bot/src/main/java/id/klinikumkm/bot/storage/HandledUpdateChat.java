package id.klinikumkm.bot.storage;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What {@link ChatDao#markHandledAndLock} finds: whether the update is new, and the chat row if there is one. */
record HandledUpdateChat(boolean fresh, Long id, String stateFlow, String stateStep, String stateSlots,
                         OffsetDateTime stateEnteredAt, Boolean consented, String displayName) {

    Optional<ChatRow> row() {
        return id == null ? Optional.empty()
                : Optional.of(new ChatRow(id, stateFlow, stateStep, stateSlots, stateEnteredAt, consented, displayName));
    }
}
