package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.storage.UpdateRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records incoming updates durably, sharing one INSERT and one commit among the calls that arrive together:
 * under load dozens of webhook calls wait for the same commit instead of queueing for connections one by one;
 * alone, a call costs one round trip as before. A caller returns only once its update is committed.
 */
final class UpdateRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateRecorder.class);
    private static final String CHANNEL = Channel.TELEGRAM.id();
    private static final int MAX_BATCH = 256;
    private static final long WAIT_SECONDS = 15;

    /** What recording an update found. */
    enum Recorded {
        /** Delivered before: not handled again. */
        DUPLICATE,
        NEW,
        /** New, and an earlier update of its chat may be unhandled (recorded before, or with it): those go first. */
        NEW_BEHIND_UNHANDLED
    }

    private record Pending(long updateId, String chatId, String payload, CompletableFuture<Recorded> recorded) {}

    private final UpdateRecords updates;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    UpdateRecorder(UpdateRecords updates) {
        this.updates = updates;
        this.writer = new Thread(this::writeLoop, "telegram-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records an update, telling whether it was new. Throws when it could not be recorded, so the caller can have
     * Telegram deliver it again.
     */
    Recorded record(long updateId, String chatId, String payload) {
        if (!open) {
            throw new IllegalStateException("recorder closed");
        }
        Pending pending = new Pending(updateId, chatId, payload, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return pending.recorded().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("update " + updateId + " not recorded within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording update " + updateId, e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Long[] ids = new Long[batch.size()];
        String[] chatIds = new String[batch.size()];
        String[] payloads = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            ids[i] = batch.get(i).updateId();
            chatIds[i] = batch.get(i).chatId();
            payloads[i] = batch.get(i).payload();
        }
        Map<Long, Boolean> fresh;
        try {
            fresh = updates.recordAll(CHANNEL, ids, chatIds, payloads, UpdateIntake.MAX_ATTEMPTS);
        } catch (RuntimeException e) {
            LOG.debug("Recording {} updates failed: {}", batch.size(), Failures.describe(e));
            batch.forEach(pending -> pending.recorded().completeExceptionally(e));
            return;
        }
        for (Pending pending : batch) {
            // The same update twice in one batch: only the first is new.
            Boolean behindUnhandled = fresh.remove(pending.updateId());
            pending.recorded().complete(behindUnhandled == null ? Recorded.DUPLICATE
                    : behindUnhandled ? Recorded.NEW_BEHIND_UNHANDLED : Recorded.NEW);
        }
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
        Pending left;
        while ((left = waiting.poll()) != null) {
            left.recorded().completeExceptionally(new IllegalStateException("recorder closed"));
        }
    }
}
