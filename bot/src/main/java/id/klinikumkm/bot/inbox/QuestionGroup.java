package id.klinikumkm.bot.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Open questions that read the same once normalised ({@link QuestionText#normalise}).
 *
 * @param id stable handle for actions on the group: derived from the normalised text, never the text itself,
 *           so it can go into addresses and the audit log
 * @param text the most recent wording as typed, or {@link UnansweredInbox#NO_TEXT_LABEL} for the group of
 *             questions stored without text (no consent); never escaped (the page's job)
 * @param textStored false for the group of questions stored without text
 * @param reasons why the bot kept them: {@code clarify}, {@code fallback}, {@code unhelpful}, {@code no_entry}, sorted
 * @param topIntent the classifier's best guess most often among them (for a 👎: the entry's key); empty if none
 * @param latestQuestionId the newest question of the group, e.g. to tie a training example to it
 */
public record QuestionGroup(String id, String text, boolean textStored, int count, Instant firstAt, Instant lastAt,
                            List<String> reasons, Optional<String> topIntent, long latestQuestionId) {
    public QuestionGroup {
        reasons = List.copyOf(reasons);
    }
}
