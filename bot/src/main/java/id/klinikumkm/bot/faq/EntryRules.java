package id.klinikumkm.bot.faq;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * What every entry must satisfy, whether it comes from a seed file ({@link SeedFiles}, English messages for
 * developers) or from an admin's edit ({@link FaqDraftCheck}, Indonesian messages per field). Both ask these
 * rules, so a seed file and the admin page can never disagree about what is valid.
 */
final class EntryRules {
    /** Titles are button labels too: longer ones are cut off on a phone. */
    static final int MAX_TITLE = 40;
    /** The first screen must fit a phone screen; the rest goes behind "Selengkapnya". */
    static final int MAX_FIRST_SCREEN = 600;
    /** More follow-up buttons than this crowd the keyboard. */
    static final int MAX_RELATED = 3;

    /** Why a source address is not accepted. */
    enum AddressProblem { NOT_HTTPS, MALFORMED, NO_HOST }

    private EntryRules() {}

    static boolean titleFits(String title) {
        return title != null && !title.isEmpty() && title.length() <= MAX_TITLE;
    }

    /** Counted in code points, as a reader counts characters (an emoji is one). */
    static boolean firstScreenFits(String answer) {
        return answer.codePointCount(0, answer.length()) <= MAX_FIRST_SCREEN;
    }

    static Optional<AddressProblem> addressProblem(String url) {
        if (url == null || !url.startsWith("https://")) {
            return Optional.of(AddressProblem.NOT_HTTPS);
        }
        try {
            return new URI(url).getHost() == null ? Optional.of(AddressProblem.NO_HOST) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(AddressProblem.MALFORMED);
        }
    }

    /** Every answer says where to check it officially: at least one government (.go.id) address. */
    static boolean hasGovernmentSource(List<FaqEntry.Source> sources) {
        return sources.stream().anyMatch(FaqEntry.Source::isGovernment);
    }
}
