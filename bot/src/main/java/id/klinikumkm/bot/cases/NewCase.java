package id.klinikumkm.bot.cases;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an intake submits, already validated and normalised.
 *
 * @param submission the intake attempt's token: one attempt opens at most one case
 * @param kecamatan one of the 24 kecamatan, or empty when {@code outsidePlace} is given
 * @param phone E.164, {@code +628...}
 * @param needs {@code legal}, {@code packaging}, {@code halal}, {@code other}
 * @param intakeJson the whole form as the user gave it, for the consultant
 */
public record NewCase(String submission, String fullName, Optional<String> businessName, String product,
                      Optional<String> kecamatan, Optional<String> outsidePlace, String phone, List<String> needs,
                      String description, String intakeJson) {
    public NewCase {
        Objects.requireNonNull(submission, "submission");
        needs = List.copyOf(needs);
        if (kecamatan.isPresent() == outsidePlace.isPresent()) {
            throw new IllegalArgumentException("either a kecamatan or a place outside the regency");
        }
    }
}
