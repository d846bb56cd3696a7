package id.klinikumkm.bot.faq;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published entries, read through a Caffeine cache. The whole set is one small cached value that expires
 * after a few seconds, so an entry changed on any instance sharing the database is answered everywhere within
 * that time; a change made through this instance invalidates it at once.
 */
public final class FaqCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(FaqCatalog.class);
    private static final String ALL = "published";

    private final LoadingCache<String, Map<String, FaqEntry>> cache;

    public FaqCatalog(FaqRepository repository, Duration timeToLive) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .build(key -> index(repository.published()));
    }

    private static Map<String, FaqEntry> index(List<FaqEntry> entries) {
        Map<String, FaqEntry> byKey = new LinkedHashMap<>();
        entries.forEach(entry -> byKey.put(entry.key(), entry));
        return Map.copyOf(byKey);
    }

    public Optional<FaqEntry> entry(String key) {
        return Optional.ofNullable(cache.get(ALL).get(key));
    }

    /** The entries listed in the menus of {@code topics}, in menu order. */
    public List<FaqEntry> menu(Collection<String> topics) {
        return cache.get(ALL).values().stream()
                .filter(entry -> topics.contains(entry.topic()) && entry.menuOrder().isPresent())
                .sorted(Comparator.comparing((FaqEntry entry) -> List.copyOf(topics).indexOf(entry.topic()))
                        .thenComparingInt(entry -> entry.menuOrder().getAsInt()))
                .toList();
    }

    public Set<String> keys() {
        return cache.get(ALL).keySet();
    }

    /** Forgets the cached entries, so the next read sees the database. */
    public void invalidate() {
        cache.invalidateAll();
    }

    /**
     * Compares the classifier's topics with the published entries and logs the differences: a topic without an
     * entry is answered with a consultant offer until one is published.
     */
    public void checkAgainst(Collection<String> classifierTopics) {
        Set<String> withoutEntry = new TreeSet<>(classifierTopics);
        withoutEntry.removeAll(keys());
        Set<String> withoutExamples = new TreeSet<>(keys());
        withoutExamples.removeAll(classifierTopics);
        if (!withoutEntry.isEmpty()) {
            LOG.warn("Topics the classifier knows but the FAQ has no published entry for (answered with a consultant offer): {}",
                    withoutEntry);
        }
        LOG.info("FAQ: {} published entries; {} reached only from menus or other entries (no training examples): {}",
                keys().size(), withoutExamples.size(), withoutExamples);
    }
}
