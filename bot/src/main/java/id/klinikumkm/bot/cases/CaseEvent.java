package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;

/** One change of a case: when, by whom, what, and why (routing). */
public record CaseEvent(OffsetDateTime at, String actorKind, String actor, String kind, String fromStatus, String toStatus,
                        String detail) {}
