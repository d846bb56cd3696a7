package id.klinikumkm.bot.cases;

/** A consultant as an admin reassigning a case sees them. */
public record ConsultantLoad(long accountId, String username, String displayName, String specialties, boolean active, int openCases) {}
