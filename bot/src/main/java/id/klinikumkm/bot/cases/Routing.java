package id.klinikumkm.bot.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends a new case to the consultant who fits it best: an active consultant sharing one of its needs, with room
 * for another case, the fewest open cases, ties to the one who waited longest. Nobody fitting, or everyone
 * full, leaves it in the shared queue. Every decision is kept with its reason, for admins.
 */
final class Routing {
    private static final Map<String, String> NEED_NAMES = Map.of("legal", "legalitas", "packaging", "kemasan & label",
            "halal", "halal", "other", "lainnya");

    private Routing() {}

    /** Routes case {@code caseId} within the opening transaction. */
    static void route(CaseDao cases, long caseId, List<String> needs) {
        cases.event(caseId, "system", null, "opened", null, "new", "");
        List<Candidate> candidates = cases.candidates(needs.toArray(String[]::new));
        String wanted = needs.stream().map(NEED_NAMES::get).collect(Collectors.joining(", "));
        for (Candidate candidate : candidates) {
            if (candidate.hasRoom()) {
                cases.assign(caseId, candidate.accountId());
                cases.markAssigned(candidate.accountId());
                cases.event(caseId, "system", candidate.accountId(), "routed", "new", "assigned",
                        "keahlian cocok (%s); %d dari %d kasus terbuka; paling sedikit kasus, lalu paling lama menunggu"
                                .formatted(wanted, candidate.openCases(), candidate.maxOpenCases()));
                return;
            }
        }
        String reason = candidates.isEmpty()
                ? "tidak ada petugas aktif dengan keahlian: " + wanted
                : "semua %d petugas yang cocok sudah penuh".formatted(candidates.size());
        cases.event(caseId, "system", null, "queued", "new", "new", reason + "; menunggu di antrean bersama");
    }
}
