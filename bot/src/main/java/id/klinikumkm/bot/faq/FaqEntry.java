package id.klinikumkm.bot.faq;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One answer of the FAQ, keyed by an intent key.
 *
 * @param answer the first screen (about 600 characters at most)
 * @param details the rest, shown after "Selengkapnya"; may be empty
 * @param related keys of entries offered as follow-up buttons
 * @param menuOrder position in its topic's menu; empty for entries reached only from another entry
 * @param version increases with every change; earlier versions are kept as revisions
 */
public record FaqEntry(String key, String topic, String title, String answer, String details, List<Source> sources,
                       LocalDate reviewedOn, boolean uncertain, List<String> related, OptionalInt menuOrder,
                       boolean published, int version) {
    public static final List<String> TOPICS = List.of("legal", "packaging", "halal", "clinic", "other");

    public FaqEntry {
        Objects.requireNonNull(key, "key");
        sources = List.copyOf(sources);
        related = List.copyOf(related);
    }

    /** An official source: where the user can check the answer. */
    public record Source(String title, String url) {
        /** The address without scheme and "www.", as shown in a short "Cek resmi" line. */
        public String host() {
            String host = URI.create(url).getHost();
            host = host == null ? url : host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        }

        /** A government (.go.id) address. */
        public boolean isGovernment() {
            return host().endsWith(".go.id");
        }
    }
}
