package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A case as its user sees it in /status.
 *
 * @param consultant the display name of the consultant handling it, when someone is
 */
public record CaseSummary(String number, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt, String consultant) {
    /** The consultant's first name, as the user is told it. */
    public Optional<String> consultantFirstName() {
        return Staff.firstNameOf(consultant);
    }
}
