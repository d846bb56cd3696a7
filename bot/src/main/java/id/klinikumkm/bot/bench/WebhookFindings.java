package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service side of a measured webhook phase, from its database and the fake Bot API.
 *
 * @param drainSeconds from the end of the load to the last turn's commit; NaN when the backlog did not drain
 *                     within the wait
 */
record WebhookFindings(long recorded, long handledDuringLoad, double handledPerSecond, long[] deliveredToQueuedNanos,
                       long[] queuedNanos,
                       double drainSeconds, long lost, long[] sentNanos, double sentPerSecond, long stillQueued,
                       long duplicated, long inboundSharingXmin, long inboundOfTurn) {

    static WebhookFindings of(LoadResult load, List<HandledUpdate> updates, TelegramUpdates delivered, SentReplies sent,
                              List<FakeTelegramApi.SentMessage> calls, long stillQueued, long[] xminCheck) {
        long handledDuringLoad = 0;
        long lost = 0;
        Instant lastCommit = load.end();
        List<Long> queued = new ArrayList<>();
        List<Long> deliveredToQueued = new ArrayList<>();
        List<Long> sentLatencies = new ArrayList<>();
        for (HandledUpdate update : updates) {
            if (!update.handled()) {
                lost++;
                continue;
            }
            if (!update.committed().isAfter(load.end())) {
                handledDuringLoad++;
            }
            if (update.committed().isAfter(lastCommit)) {
                lastCommit = update.committed();
            }
            if (update.replyIds().isEmpty()) {
                continue;
            }
            queued.add(Duration.between(update.received(), update.committed()).toNanos());
            Instant firstDelivered = delivered.firstDelivered(update.updateId());
            if (firstDelivered != null) {
                deliveredToQueued.add(Duration.between(firstDelivered, update.committed()).toNanos());
            }
            Instant lastSent = null;
            for (long reply : update.replyIds()) {
                Instant at = sent.sentAt().get(reply);
                lastSent = at == null ? null : (lastSent == null || at.isAfter(lastSent) ? at : lastSent);
                if (at == null) {
                    break;
                }
            }
            if (lastSent != null) {
                sentLatencies.add(Duration.between(update.received(), lastSent).toNanos());
            }
        }
        long sentDuringLoad = calls.stream()
                .filter(call -> call.lastPart() && !call.at().isBefore(load.start()) && !call.at().isAfter(load.end()))
                .count();
        double drain = lost > 0 ? Double.NaN : Duration.between(load.end(), lastCommit).toMillis() / 1000.0;
        return new WebhookFindings(updates.size(), handledDuringLoad, handledDuringLoad / load.seconds(),
                sorted(deliveredToQueued), sorted(queued),
                drain, lost, sorted(sentLatencies), sentDuringLoad / load.seconds(), stillQueued, sent.duplicated(),
                xminCheck[0], xminCheck[1]);
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
