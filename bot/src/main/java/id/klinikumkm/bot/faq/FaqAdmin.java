package id.klinikumkm.bot.faq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the admin pages do with the FAQ: list and search entries, edit, create, publish or withdraw them, and
 * look at, compare and restore their versions. Every change is one transaction that stores the new version, a
 * revision row and an audit row together, and then invalidates the answers' cache so the bot answers with it
 * at once. Refusals are {@link FaqAdminException}s with Indonesian messages.
 */
public final class FaqAdmin {
    /** The clinic is in Probolinggo: "today" for review dates is a day in WIB. */
    public static final ZoneId CLINIC_ZONE = ZoneId.of("Asia/Jakarta");

    private final FaqDao dao;
    private final FaqJson json;
    private final Runnable afterChange;
    private final Clock clock;

    /**
     * @param afterChange run after every committed change, typically {@code catalog::invalidate}
     * @param clock decides "today" (in {@link #CLINIC_ZONE}) for stale entries and review dates
     */
    public FaqAdmin(FaqDao dao, ObjectMapper json, Runnable afterChange, Clock clock) {
        this.dao = dao;
        this.json = new FaqJson(json);
        this.afterChange = afterChange;
        this.clock = clock;
    }

    public FaqAdmin(FaqDao dao, ObjectMapper json, FaqCatalog catalog) {
        this(dao, json, catalog::invalidate, Clock.system(CLINIC_ZONE));
    }

    /** Entries, published or not, with the 👍/👎 counts of their current version, in menu order. */
    public List<FaqListItem> list(FaqFilter filter) {
        FaqFilter.OftenUnhelpful unhelpful = filter.oftenUnhelpful();
        return dao.list(filter.likePattern(),
                filter.staleAfterDays() != null, today().minusDays(filter.staleAfterDays() == null ? 0 : filter.staleAfterDays()),
                filter.uncertainOnly(),
                unhelpful == null ? 0 : unhelpful.minVotes(), unhelpful == null ? 0 : unhelpful.minUnhelpfulShare());
    }

    /** The current version of an entry, published or not (for the edit form: {@link FaqDraft#of}). */
    public FaqEntry entry(String key) {
        return dao.find(key).map(json::entry).orElseThrow(() -> FaqAdminException.notFound("Entri " + key));
    }

    /**
     * Saves an admin's edit as a new version.
     *
     * @param basedOnVersion the version the admin opened; if the entry changed since, nothing is saved
     * @throws FaqAdminException CONFLICT when someone saved first, INVALID with field messages, NOT_FOUND
     */
    public FaqEntry save(String key, int basedOnVersion, FaqDraft draft, String admin) {
        return change(key, basedOnVersion, draft, admin, "faq.edited", Map.of());
    }

    /** Stores the content of an old version as a new version (its publication state stays as it is now). */
    public FaqEntry restore(String key, int version, int basedOnVersion, String admin) {
        FaqEntry current = entry(key);
        FaqRevision old = revision(key, version);
        FaqDraft content = old.content();
        FaqDraft restored = new FaqDraft(content.title(), content.answer(), content.details(), content.sources(),
                content.reviewedOn(), content.uncertain(), content.related(), content.menuOrder(), current.published());
        return change(key, basedOnVersion, restored, admin, "faq.restored", Map.of("restoredFrom", version));
    }

    /** A new entry for a topic key the classifier may use ({@code Intents.isTopic}) that has no entry yet. */
    public FaqEntry create(String key, String topic, FaqDraft draft, String admin) {
        requireAdmin(admin);
        FaqEntry created = dao.inTransaction(tx -> {
            Map<String, String> problems = FaqDraftCheck.problemsOfNew(key, topic, draft, tx.keys(), today());
            if (!problems.isEmpty()) {
                throw FaqAdminException.invalid(problems);
            }
            long id = tx.insertByAdmin(key, topic, draft.title(), draft.answer(), draft.details(), json.sourcesJson(draft.sources()),
                    draft.reviewedOn(), draft.uncertain(), json.write(draft.related()), FaqJson.boxed(draft.menuOrder()),
                    draft.published(), admin);
            tx.keepRevision(id, admin);
            FaqEntry after = tx.find(key).map(json::entry).orElseThrow();
            audit(tx, admin, "faq.created", key, Map.of("after", snapshot(after)));
            return after;
        });
        afterChange.run();
        return created;
    }

    /**
     * Publishes or withdraws an entry. Not a new version: the content is unchanged, so votes on it still count;
     * the audit log keeps who did it. Setting the state it already has changes nothing.
     */
    public FaqEntry setPublished(String key, boolean published, String admin) {
        requireAdmin(admin);
        FaqEntry changed = dao.inTransaction(tx -> {
            FaqRow row = tx.findForUpdate(key).orElseThrow(() -> FaqAdminException.notFound("Entri " + key));
            FaqEntry before = json.entry(row);
            if (before.published() == published) {
                return before;
            }
            tx.setPublished(row.id(), published, admin);
            FaqEntry after = tx.find(key).map(json::entry).orElseThrow();
            audit(tx, admin, published ? "faq.published" : "faq.unpublished", key,
                    Map.of("before", snapshot(before), "after", snapshot(after)));
            return after;
        });
        afterChange.run();
        return changed;
    }

    /** Every version of an entry, newest first. */
    public List<FaqRevision> revisions(String key) {
        entry(key); // an unknown key is NOT_FOUND, not an empty history
        return dao.revisions(key).stream().map(this::revision).toList();
    }

    public FaqRevision revision(String key, int version) {
        return dao.revision(key, version).map(this::revision)
                .orElseThrow(() -> FaqAdminException.notFound("Versi " + version + " dari entri " + key));
    }

    /** The line differences from one version to another (either order; usually older to newer). */
    public FaqDiff diff(String key, int fromVersion, int toVersion) {
        return FaqDiff.between(key, revision(key, fromVersion), revision(key, toVersion));
    }

    private FaqEntry change(String key, int basedOnVersion, FaqDraft draft, String admin, String action, Map<String, Object> extra) {
        requireAdmin(admin);
        FaqEntry changed = dao.inTransaction(tx -> {
            FaqRow row = tx.findForUpdate(key).orElseThrow(() -> FaqAdminException.notFound("Entri " + key));
            if (row.version() != basedOnVersion) {
                throw FaqAdminException.conflict(key, row.version(), row.editedBy());
            }
            Map<String, String> problems = FaqDraftCheck.problems(key, draft, tx.keys(), today());
            if (!problems.isEmpty()) {
                throw FaqAdminException.invalid(problems);
            }
            FaqEntry before = json.entry(row);
            tx.updateByAdmin(row.id(), row.version(), draft.title(), draft.answer(), draft.details(), json.sourcesJson(draft.sources()),
                    draft.reviewedOn(), draft.uncertain(), json.write(draft.related()), FaqJson.boxed(draft.menuOrder()),
                    draft.published(), admin);
            tx.keepRevision(row.id(), admin);
            FaqEntry after = tx.find(key).map(json::entry).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>(extra);
            details.put("before", snapshot(before));
            details.put("after", snapshot(after));
            audit(tx, admin, action, key, details);
            return after;
        });
        afterChange.run();
        return changed;
    }

    private void audit(FaqDao tx, String admin, String action, String key, Map<String, Object> details) {
        tx.auditByAdmin(admin, action, key, json.write(details));
    }

    /** The audited fields of an entry: its content and version, nothing else (there is nothing secret in an entry). */
    private static Map<String, Object> snapshot(FaqEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", entry.version());
        fields.put("title", entry.title());
        fields.put("answer", entry.answer());
        fields.put("details", entry.details());
        fields.put("sources", entry.sources().stream().map(s -> Map.of("title", s.title(), "url", s.url())).toList());
        fields.put("reviewedOn", entry.reviewedOn().toString());
        fields.put("uncertain", entry.uncertain());
        fields.put("related", entry.related());
        fields.put("menuOrder", FaqJson.boxed(entry.menuOrder()));
        fields.put("published", entry.published());
        return fields;
    }

    private FaqRevision revision(RevisionRow row) {
        FaqDraft content = new FaqDraft(row.title(), row.answer(), row.details(), json.sources(row.sources()), row.reviewedOn(),
                row.uncertain(), json.keys(row.related()),
                row.menuOrder() == null ? OptionalInt.empty() : OptionalInt.of(row.menuOrder()), row.published());
        return new FaqRevision(row.version(), content, row.changedBy(), row.changedAt());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CLINIC_ZONE));
    }

    /** The admin's name is recorded as author and in the audit log; a missing one is a bug of the caller. */
    private static void requireAdmin(String admin) {
        if (Objects.requireNonNull(admin, "admin").isBlank()) {
            throw new IllegalArgumentException("the admin's name is required");
        }
    }
}
