package id.klinikumkm.bot.faq;

import java.util.Objects;

/**
 * What the admins' FAQ list shows: a search over key, title and answer text (case-insensitive) and optional
 * filters. Start from {@link #all()} and narrow it: {@code FaqFilter.all().matching("nib").staleAfter(180)}.
 *
 * @param staleAfterDays only entries reviewed more than this many days ago; null for no such filter
 * @param oftenUnhelpful only entries whose current version got enough votes, enough of them 👎; null for none
 */
public record FaqFilter(String search, Integer staleAfterDays, boolean uncertainOnly, OftenUnhelpful oftenUnhelpful) {

    /** At least {@code minVotes} votes on the current version, and a 👎 share of at least {@code minUnhelpfulShare} (0 to 1). */
    public record OftenUnhelpful(int minVotes, double minUnhelpfulShare) {
        public OftenUnhelpful {
            if (minVotes < 1) {
                throw new IllegalArgumentException("Jumlah suara minimal harus 1 atau lebih.");
            }
            if (!(minUnhelpfulShare >= 0 && minUnhelpfulShare <= 1)) {
                throw new IllegalArgumentException("Porsi 👎 harus antara 0 dan 1 (mis. 0.5 untuk 50%).");
            }
        }
    }

    public FaqFilter {
        search = Objects.requireNonNullElse(search, "").strip();
        if (staleAfterDays != null && staleAfterDays < 0) {
            throw new IllegalArgumentException("Jumlah hari tidak boleh negatif.");
        }
    }

    public static FaqFilter all() {
        return new FaqFilter("", null, false, null);
    }

    public FaqFilter matching(String text) {
        return new FaqFilter(text, staleAfterDays, uncertainOnly, oftenUnhelpful);
    }

    public FaqFilter staleAfter(int days) {
        return new FaqFilter(search, days, uncertainOnly, oftenUnhelpful);
    }

    public FaqFilter uncertain() {
        return new FaqFilter(search, staleAfterDays, true, oftenUnhelpful);
    }

    public FaqFilter oftenUnhelpful(int minVotes, double minUnhelpfulShare) {
        return new FaqFilter(search, staleAfterDays, uncertainOnly, new OftenUnhelpful(minVotes, minUnhelpfulShare));
    }

    /** The search as an ILIKE pattern: the admin's % and _ are literal characters, not wildcards. */
    String likePattern() {
        return "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
