package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens cases and looks them up, always within the turn of the chat they belong to. Thread-safe. */
public final class Cases {
    private static final Logger LOG = LoggerFactory.getLogger(Cases.class);
    /** Every status a case can have (the CHECK constraint of {@code cases.status}), in the order a case moves. */
    public static final List<String> STATUSES = List.of("new", "assigned", "in_progress", "waiting_user", "resolved", "closed");
    private final ZoneId zone;
    private final ConsultantDesk desk;

    /**
     * @param zone the clinic's time zone, which decides the year in a case number
     * @param desk tells consultants in Telegram about the cases routed to them
     */
    public Cases(ZoneId zone, ConsultantDesk desk) {
        this.zone = zone;
        this.desk = desk;
    }

    /** What to do once the opening turn committed: tell the consultant the case was routed to. */
    public Runnable announcement(String number) {
        return () -> desk.announce(number);
    }

    /**
     * Opens the case of an intake attempt, routes it, and returns its number; an attempt that already opened one (a double
     * tap on "Kirim") gets that case's number and no second case.
     */
    public String open(TurnContext turn, NewCase form) {
        CaseDao cases = turn.repository(CaseDao.class);
        ChatKey chat = turn.chat();
        Optional<String> existing = cases.numberOf(chat.channel().id(), chat.externalId(), form.submission());
        if (existing.isPresent()) {
            return existing.get();
        }
        int year = LocalDate.ofInstant(turn.now(), zone).getYear();
        String number = "KUM-%d-%05d".formatted(year, cases.nextNumber(year));
        long id = cases.insert(chat.channel().id(), chat.externalId(), number, form.submission(),
                form.needs().toArray(String[]::new), form.kecamatan().orElse(null), form.outsidePlace().orElse(null),
                form.fullName(), form.businessName().orElse(null), form.product(), form.phone(), form.description(),
                form.intakeJson());
        Routing.route(cases, id, form.needs());
        // Committed with the turn; a rolled-back turn leaves this line behind a case that does not exist.
        LOG.info("Case {} opened in chat {} (needs {})", number, chat, form.needs());
        return number;
    }

    /** The number of the case an intake attempt opened, if it did. */
    public Optional<String> submitted(TurnContext turn, String submission) {
        ChatKey chat = turn.chat();
        return turn.repository(CaseDao.class).numberOf(chat.channel().id(), chat.externalId(), submission);
    }

    /** The form of the chat's latest case (JSON), to offer its details again; empty after erasure. */
    public Optional<String> latestIntake(TurnContext turn) {
        ChatKey chat = turn.chat();
        return turn.repository(CaseDao.class).latestIntake(chat.channel().id(), chat.externalId());
    }

    /** The chat's newest cases. */
    public List<CaseSummary> ofChat(TurnContext turn, int limit) {
        ChatKey chat = turn.chat();
        return turn.repository(CaseDao.class).ofChat(chat.channel().id(), chat.externalId(), limit);
    }
}
