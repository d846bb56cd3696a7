package id.klinikumkm.bot.bench;

import java.time.Instant;
import java.util.List;

/**
 * One webhook update of a measured phase as the service's database has it.
 *
 * @param committed when the transaction that marked it handled committed (its commit timestamp), or null
 * @param replyIds  the outbound messages that turn queued, oldest first
 */
record HandledUpdate(long updateId, String chatId, Instant received, Instant committed, List<Long> replyIds) {
    boolean handled() {
        return committed != null;
    }
}
