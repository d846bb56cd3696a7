package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;
import java.util.List;

/** A case with its whole intake, for the consultant who handles it. */
public record CaseDetail(long id, String number, String status, String channel, String needs, String kecamatan,
                         String outsidePlace, String fullName, String businessName, String product, String phone,
                         String description, Long assignedTo, String holder, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, OffsetDateTime firstReplyAt, OffsetDateTime resolvedAt, Integer rating,
                         String ratingComment) {
    /** legal, packaging, halal, other, in the order asked. */
    public List<String> needList() {
        return needs == null || needs.isEmpty() ? List.of() : List.of(needs.split(","));
    }
}
