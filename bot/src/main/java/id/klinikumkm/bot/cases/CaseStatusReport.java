package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.StatusReport;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** /status: the chat's latest cases with their numbers, where each stands and when it last moved. */
public final class CaseStatusReport implements StatusReport {
    private static final int SHOWN = 5;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH.mm", Locale.forLanguageTag("id-ID"));

    private final Cases cases;
    private final ZoneId zone;

    public CaseStatusReport(Cases cases, ZoneId zone) {
        this.cases = cases;
        this.zone = zone;
    }

    @Override
    public Outcome report(TurnContext turn) {
        List<CaseSummary> latest = cases.ofChat(turn, SHOWN);
        if (latest.isEmpty()) {
            return Outcome.idle(turn.withMenu(turn.text("status.none")));
        }
        StringBuilder text = new StringBuilder(turn.text("status.title"));
        for (CaseSummary summary : latest) {
            text.append("\n\n").append(turn.text("status.line")
                    .replace("{0}", summary.number())
                    .replace("{1}", turn.text("case.status." + summary.status()))
                    .replace("{2}", DATE.format(summary.updatedAt().atZoneSameInstant(zone))));
            summary.consultantFirstName().ifPresent(name -> text.append('\n').append(turn.text("status.consultant").replace("{0}", name)));
        }
        return Outcome.idle(turn.withMenu(text.toString()));
    }
}
