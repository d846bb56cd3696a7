package id.klinikumkm.bot.faq;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.ChatKey;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** FAQ entries in PostgreSQL: reading the published ones, loading the seed, storing votes. */
public final class FaqRepository {
    static final String SEED_AUTHOR = "seed";
    private static final Logger LOG = LoggerFactory.getLogger(FaqRepository.class);

    private final FaqDao dao;
    private final FaqJson json;

    public FaqRepository(FaqDao dao, ObjectMapper json) {
        this.dao = dao;
        this.json = new FaqJson(json);
    }

    public List<FaqEntry> published() {
        return dao.published().stream().map(json::entry).toList();
    }

    public Optional<FaqEntry> find(String key) {
        return dao.find(key).map(json::entry);
    }

    /** What loading the seed did, entry by entry. */
    public record SeedReport(List<String> added, List<String> updated, List<String> keptEdited) {}

    /**
     * Loads the seed: adds missing entries, updates those whose seed file is newer than what the database last
     * loaded, and never overwrites an entry an admin edited (it logs that the seed differs). Safe to run from
     * several instances at once.
     */
    public SeedReport applySeed(java.nio.file.Path seedDir) {
        return applySeed(SeedFiles.read(seedDir));
    }

    SeedReport applySeed(List<SeedEntry> seed) {
        SeedReport report = dao.underSeedLock(locked -> {
            List<String> added = new java.util.ArrayList<>();
            List<String> updated = new java.util.ArrayList<>();
            List<String> kept = new java.util.ArrayList<>();
            for (SeedEntry file : seed) {
                FaqEntry e = file.entry();
                Optional<FaqRow> current = locked.find(e.key());
                if (current.isEmpty()) {
                    long id = locked.insertFromSeed(e.key(), e.topic(), e.title(), e.answer(), e.details(), json.sourcesJson(e.sources()),
                            e.reviewedOn(), e.uncertain(), json.write(e.related()), FaqJson.boxed(e.menuOrder()), file.seedVersion());
                    locked.keepRevision(id, SEED_AUTHOR);
                    added.add(e.key());
                } else if (current.get().seedVersion() == null || file.seedVersion() > current.get().seedVersion()) {
                    FaqRow row = current.get();
                    if (row.editedBy() != null) {
                        kept.add(e.key());
                    } else if (locked.updateFromSeed(row.id(), e.topic(), e.title(), e.answer(), e.details(), json.sourcesJson(e.sources()),
                            e.reviewedOn(), e.uncertain(), json.write(e.related()), FaqJson.boxed(e.menuOrder()), file.seedVersion())) {
                        locked.keepRevision(row.id(), SEED_AUTHOR);
                        updated.add(e.key());
                    }
                }
            }
            return new SeedReport(added, updated, kept);
        });
        LOG.info("FAQ seed loaded: {} entries added, {} updated, {} files read", report.added().size(), report.updated().size(), seed.size());
        for (String key : report.keptEdited()) {
            LOG.warn("FAQ seed for {} is newer than the database's, but an admin edited the entry; the edit is kept", key);
        }
        return report;
    }

    /** Stores a 👍 or 👎 for a version of an entry; the chat's earlier vote on that version is replaced. */
    public void vote(ChatKey chat, String key, int version, boolean helpful) {
        dao.vote(key, version, chat.channel().id(), chat.externalId(), helpful);
    }

}
