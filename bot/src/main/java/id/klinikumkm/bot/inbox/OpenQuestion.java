package id.klinikumkm.bot.inbox;

import java.time.Instant;

/** An unresolved row of unanswered_questions; {@code topIntents} is the JSON array as stored. */
public record OpenQuestion(long id, String text, String reason, String topIntents, Instant createdAt) {}
