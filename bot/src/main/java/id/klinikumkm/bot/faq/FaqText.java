package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.RichText;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The texts of an FAQ answer, in the bot's markup ({@code **bold**}). One place builds them so the chat and the
 * admins' live preview ({@link FaqPreview}) can never show different wording.
 */
final class FaqText {
    private FaqText() {}

    /**
     * Title, first screen, uncertainty note, "Cek resmi" hosts and the helpfulness question.
     *
     * @param texts the bot's wording by key ({@code BotTexts::get} or {@code TurnContext::text})
     */
    static String firstScreen(FaqEntry entry, Function<String, String> texts) {
        StringBuilder text = new StringBuilder(RichText.bold(entry.title())).append("\n\n").append(entry.answer());
        if (entry.uncertain()) {
            text.append("\n\n").append(texts.apply("faq.uncertain"));
        }
        String hosts = entry.sources().stream().map(FaqEntry.Source::host).distinct().collect(Collectors.joining(", "));
        text.append("\n\n").append(texts.apply("faq.check").replace("{0}", hosts));
        text.append("\n\n").append(texts.apply("faq.helpful"));
        return text.toString();
    }

    /** The "Selengkapnya" screen: the rest of the answer, ending with the official sources in full. */
    static String details(FaqEntry entry, Function<String, String> texts) {
        StringBuilder text = new StringBuilder(RichText.bold(texts.apply("faq.more.title").replace("{0}", entry.title())))
                .append("\n\n").append(entry.details());
        text.append("\n\n").append(texts.apply("faq.sources"));
        for (FaqEntry.Source source : entry.sources()) {
            text.append("\n• ").append(source.title()).append(": ").append(source.url());
        }
        text.append("\n\n").append(texts.apply("faq.helpful"));
        return text.toString();
    }
}
