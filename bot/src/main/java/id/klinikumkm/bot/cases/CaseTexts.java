package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.TurnContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Case values in the bot's words. */
final class CaseTexts {
    private CaseTexts() {}

    /** "legal,halal" -> "Legalitas usaha, Sertifikasi halal" (the intake's own names for them). */
    static String needs(TurnContext turn, String needs) {
        return Arrays.stream(needs.split(",")).filter(need -> !need.isEmpty())
                .map(need -> turn.text("intake.need." + need)).collect(Collectors.joining(", "));
    }
}
