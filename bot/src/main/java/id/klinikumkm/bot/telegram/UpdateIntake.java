package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.storage.ProcessedUpdateDao;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The one way updates enter, from polling and webhook alike: record durably first (a duplicate delivery is
 * recognised here), then hand new ones to the processor. Also resumes updates recorded but never handled.
 */
final class UpdateIntake {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);
    private static final String CHANNEL = Channel.TELEGRAM.id();
    /** Tries of one update after which the sweep and later updates of its chat leave it alone, its error kept. */
    static final int MAX_ATTEMPTS = 5;
    static final int RESUME_BATCH = 500;
    /** {@code \u0000} in JSON text, but not {@code \\u0000} (an escaped backslash, then "u0000"). */
    private static final java.util.regex.Pattern NUL_ESCAPE = java.util.regex.Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final ProcessedUpdateDao updates;
    private final UpdateRecorder recorder;
    private final UpdateProcessor processor;
    private final ObjectMapper json;

    UpdateIntake(ProcessedUpdateDao updates, UpdateRecorder recorder, UpdateProcessor processor, ObjectMapper json) {
        this.updates = updates;
        this.recorder = recorder;
        this.processor = processor;
        this.json = json;
    }

    /**
     * Waits up to {@code wait} for room in the queue, then records the update and queues it for handling.
     * Throws if it could not be recorded, so the caller can make Telegram deliver it again.
     *
     * @return false when the queue stayed full: nothing was recorded, the update must come again later
     */
    boolean offer(Update update, String payload, Duration wait) throws InterruptedException {
        long received = System.nanoTime();
        if (!processor.reserve(wait)) {
            return false;
        }
        UpdateRecorder.Recorded recorded;
        try {
            recorded = recorder.record(update.getUpdateId(), UpdateMapper.chatIdOf(update), storable(payload));
        } catch (RuntimeException e) {
            processor.cancelReservation();
            throw e;
        }
        if (recorded != UpdateRecorder.Recorded.DUPLICATE) {
            processor.dispatchReserved(update, received, recorded == UpdateRecorder.Recorded.NEW_BEHIND_UNHANDLED);
        } else {
            processor.cancelReservation();
            LOG.debug("Update {} was delivered before; not handled again", update.getUpdateId());
        }
        return true;
    }

    /**
     * The payload as PostgreSQL's jsonb takes it: it refuses the escape {@code \u0000} (a NUL character, which a
     * forged or odd update can carry in any text), and one such update would fail the shared insert of every
     * update recorded with it and be delivered again forever. The character becomes U+FFFD; the update itself
     * is handled as received (the engine drops control characters from text).
     */
    static String storable(String payload) {
        return payload.indexOf("\\u0000") < 0 ? payload : NUL_ESCAPE.matcher(payload).replaceAll("$1\\\\uFFFD");
    }

    /** Records and queues a polled update, waiting as long as the queue is full. */
    void accept(Update update) throws InterruptedException {
        String payload = write(update);
        while (!offer(update, payload, Duration.ofSeconds(1))) {
            LOG.debug("Update queue full; polling waits");
        }
    }

    /** Queues updates that were recorded at least {@code olderThanSeconds} ago but are still unhandled. */
    int resumeUnhandled(double olderThanSeconds) throws InterruptedException {
        List<String> pending = updates.unhandled(CHANNEL, olderThanSeconds, MAX_ATTEMPTS, RESUME_BATCH);
        int resumed = 0;
        for (String payload : pending) {
            try {
                if (processor.dispatch(json.readValue(payload, Update.class), Duration.ofSeconds(1))) {
                    resumed++;
                }
            } catch (JsonProcessingException e) {
                LOG.warn("A recorded update could not be read back: {}", e.getOriginalMessage());
            }
        }
        if (resumed > 0) {
            LOG.info("Resumed {} recorded but unhandled updates", resumed);
        }
        return resumed;
    }

    private String write(Update update) {
        try {
            return json.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("update cannot be serialised", e);
        }
    }
}
