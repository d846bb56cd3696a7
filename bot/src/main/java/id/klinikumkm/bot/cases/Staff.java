package id.klinikumkm.bot.cases;

/** Who acts on a case in the workspace. */
public record Staff(long accountId, String displayName, boolean admin) {
    String actorKind() {
        return admin ? "admin" : "consultant";
    }

    /** The first name users are told ("Siti" of "Siti Aminah"). */
    String firstName() {
        String name = displayName.strip();
        return name.isEmpty() ? "Petugas" : name.split("\\s+")[0];
    }
}
