package id.klinikumkm.bot.faq;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The editable content of an entry, as an admin submits it. Nothing is checked here (a draft may be half
 * typed, e.g. for the live preview); {@link FaqAdmin} checks it when saving. Text is kept exactly as typed
 * (markup and HTML included: escaping is the job of whatever shows it), except that Windows line ends from
 * browser forms become {@code \n} and surrounding blanks are trimmed.
 *
 * @param answer the first screen, at most 600 characters
 * @param details the rest, behind "Selengkapnya"; may be empty
 * @param reviewedOn when the facts were last checked; null only while being typed
 * @param related keys of existing entries offered as follow-ups, at most 3
 * @param menuOrder position in the topic's menu; empty to reach the entry only from other entries
 */
public record FaqDraft(String title, String answer, String details, List<FaqEntry.Source> sources, LocalDate reviewedOn,
                       boolean uncertain, List<String> related, OptionalInt menuOrder, boolean published) {
    public FaqDraft {
        title = clean(title);
        answer = clean(answer);
        details = clean(details);
        sources = sources == null ? List.of() : sources.stream()
                .map(source -> new FaqEntry.Source(clean(source.title()), clean(source.url()))).toList();
        related = related == null ? List.of() : related.stream().map(FaqDraft::clean).filter(key -> !key.isEmpty()).toList();
        menuOrder = Objects.requireNonNullElse(menuOrder, OptionalInt.empty());
    }

    /** The current content of an entry, to fill the edit form. */
    public static FaqDraft of(FaqEntry entry) {
        return new FaqDraft(entry.title(), entry.answer(), entry.details(), entry.sources(), entry.reviewedOn(),
                entry.uncertain(), entry.related(), entry.menuOrder(), entry.published());
    }

    FaqEntry toEntry(String key, String topic, int version) {
        return new FaqEntry(key, topic, title, answer, details, sources, reviewedOn, uncertain, related, menuOrder, published, version);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
