package id.klinikumkm.bot.cases;

/** A consultant who could take a case, with how many open cases they hold and may hold. */
public record Candidate(long accountId, String displayName, int maxOpenCases, int openCases) {
    boolean hasRoom() {
        return openCases < maxOpenCases;
    }
}
