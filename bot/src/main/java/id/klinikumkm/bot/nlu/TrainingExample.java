package id.klinikumkm.bot.nlu;

import java.time.OffsetDateTime;

/**
 * A training example an admin added to the database (on top of {@code intents-id.train}).
 *
 * @param unansweredId the unanswered question it came from, or null
 */
public record TrainingExample(long id, String intentKey, String text, String addedBy, Long unansweredId,
                              OffsetDateTime createdAt) {}
