package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * How a draft will look in Telegram, for the edit page's live preview: the same texts the bot sends (built by
 * {@link FaqText}, so they cannot drift apart) and the button labels under them. Works on half-typed drafts:
 * sources whose address is not valid yet are left out instead of failing.
 */
public final class FaqPreview {
    private final BotTexts texts;
    private final FaqCatalog catalog;

    /** @param catalog gives related entries' titles for their buttons */
    public FaqPreview(BotTexts texts, FaqCatalog catalog) {
        this.texts = texts;
        this.catalog = catalog;
    }

    /**
     * A piece of a message: shown bold or not. The text is exactly what the user will see, not escaped: the
     * page must escape it (as Telegram's HTML mode and the web chat do).
     */
    public record Span(String text, boolean bold) {}

    /**
     * @param firstScreen what the answer shows first, with {@code **bold**} markup as the bot sends it
     * @param details the "Selengkapnya" message; empty when the entry has no details
     * @param buttons the labels of the first screen's buttons, in order
     */
    public record Preview(String firstScreen, String details, List<String> buttons) {
        public List<Span> firstScreenSpans() {
            return spans(firstScreen);
        }

        public List<Span> detailsSpans() {
            return spans(details);
        }
    }

    public Preview render(String key, FaqDraft draft) {
        List<FaqEntry.Source> usable = draft.sources().stream()
                .filter(source -> EntryRules.addressProblem(source.url()).isEmpty()).toList();
        FaqDraft shown = new FaqDraft(draft.title(), draft.answer(), draft.details(), usable, draft.reviewedOn(),
                draft.uncertain(), draft.related(), draft.menuOrder(), draft.published());
        FaqEntry entry = shown.toEntry(key, "", 0);
        List<String> buttons = new ArrayList<>();
        if (!entry.details().isEmpty()) {
            buttons.add(texts.get("faq.more"));
        }
        buttons.add(texts.get("faq.vote.up"));
        buttons.add(texts.get("faq.vote.down"));
        for (String related : entry.related()) {
            catalog.entry(related).ifPresent(other -> buttons.add(other.title()));
        }
        buttons.add(texts.get("button.consultant"));
        buttons.add(texts.get("button.menu"));
        String details = entry.details().isEmpty() ? "" : FaqText.details(entry, texts::get);
        return new Preview(FaqText.firstScreen(entry, texts::get), details, buttons);
    }

    /** Splits marked-up text into plain and bold spans, the one markup {@link RichText} knows. */
    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher bold = RichText.BOLD.matcher(text);
        int position = 0;
        while (bold.find()) {
            if (bold.start() > position) {
                spans.add(new Span(text.substring(position, bold.start()), false));
            }
            spans.add(new Span(bold.group(1), true));
            position = bold.end();
        }
        if (position < text.length()) {
            spans.add(new Span(text.substring(position), false));
        }
        return spans;
    }
}
