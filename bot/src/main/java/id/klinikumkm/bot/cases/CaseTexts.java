package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.BotTexts;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Case values in the bot's words. */
public final class CaseTexts {
    private CaseTexts() {}

    /** "legal,halal" -> "Legalitas usaha, Sertifikasi halal" (the intake's own names for them). */
    public static String needs(BotTexts texts, String needs) {
        return Arrays.stream(needs.split(",")).filter(need -> !need.isEmpty())
                .map(need -> texts.get("intake.need." + need)).collect(Collectors.joining(", "));
    }
}
