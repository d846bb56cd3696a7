package id.klinikumkm.bot.cases;

import java.util.Optional;

/** Who acts on a case in the workspace. */
public record Staff(long accountId, String displayName, boolean admin) {
    String actorKind() {
        return admin ? "admin" : "consultant";
    }

    /** The first name users are told ("Siti" of "Siti Aminah"). */
    String firstName() {
        return firstNameOf(displayName).orElse("Petugas");
    }

    /** "Siti" of "Siti Aminah"; empty for a blank or missing name. */
    static Optional<String> firstNameOf(String displayName) {
        return Optional.ofNullable(displayName).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.split("\\s+")[0]);
    }
}
