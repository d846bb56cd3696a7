package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.accounts.Secrets;
import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.CommandHandler;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Effect;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.SystemAction.Acted;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import id.klinikumkm.bot.logging.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consultants in Telegram: they link their account by sending the bot a one-time code from the workspace
 * ({@code /hubungkan KODE}); a case routed to them is announced in that chat with an "Ambil" button, which
 * claims it like the workspace does. Buttons pressed outside a linked consultant's chat are refused.
 *
 * <p>Built before the engine it speaks through (the engine needs its handlers), so {@link #bind} completes it.
 */
public final class ConsultantDesk implements ButtonHandler, CommandHandler {
    public static final String PREFIX = "case";
    public static final String COMMAND = "hubungkan";
    private static final Logger LOG = LoggerFactory.getLogger(ConsultantDesk.class);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DeskDao desk;
    private final Optional<String> group;
    private final AtomicReference<ConversationEngine> engine = new AtomicReference<>();
    private final AtomicReference<CaseWork> work = new AtomicReference<>();

    /** @param group the consultants' Telegram group, where queued and late cases are announced too */
    public ConsultantDesk(DeskDao desk, Optional<String> group) {
        this.desk = desk;
        this.group = group;
    }

    public void bind(ConversationEngine engine, CaseWork work) {
        this.engine.set(engine);
        this.work.set(work);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** A new code for {@code accountId}, shown once in the workspace; valid 15 minutes, replacing any older one. */
    public String newLinkCode(long accountId) {
        String letters = Secrets.fromAlphabet(CODE_CHARS, 8);
        String code = letters.substring(0, 4) + "-" + letters.substring(4);
        desk.saveLinkCode(accountId, Secrets.hash(code), OffsetDateTime.now(ZoneOffset.UTC).plus(CODE_LIFETIME));
        return code;
    }

    /** {@code /hubungkan KODE}, in the consultant's own Telegram chat. */
    @Override
    public Outcome handle(TurnContext turn, ConversationState state, String arguments) {
        if (turn.chat().channel() != Channel.TELEGRAM) {
            return Outcome.then(state, Reply.of(turn.text("desk.link.telegram.only")));
        }
        String code = arguments.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (code.length() != 8) {
            return Outcome.then(state, Reply.of(turn.text("desk.link.usage")));
        }
        Optional<String> linked = desk.link(Secrets.hash(code.substring(0, 4) + "-" + code.substring(4)), turn.chat().externalId());
        return Outcome.then(state, Reply.of(linked.map(name -> turn.text("desk.link.done").replace("{0}", name))
                .orElse(turn.text("desk.link.unknown"))));
    }

    /**
     * "Ambil" pressed in a consultant's chat claims the case for them; anywhere else it is refused. The claim runs
     * after this turn, in the case's own chat, and its result is sent back here: no turn waits inside another.
     */
    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        Optional<String> number = payload.arg(0).filter(n -> n.matches("KUM-[0-9]{4}-[0-9]{5,7}"));
        if (!payload.action().equals("claim") || number.isEmpty()) {
            return turn.stale();
        }
        Optional<Staff> staff = turn.chat().channel() == Channel.TELEGRAM ? desk.staffInChat(turn.chat().externalId()) : Optional.empty();
        if (staff.isEmpty()) {
            return Outcome.idle(turn.withMenu(turn.text("desk.claim.not.staff")));
        }
        ChatKey chat = turn.chat();
        return Outcome.idle().with(new Effect.AfterCommit(() -> claimFrom(chat, staff.get(), number.get())));
    }

    private void claimFrom(ChatKey chat, Staff staff, String number) {
        try {
            CaseWork.Result result = work.get().claim(staff, number);
            String text = (result.done() ? "✅ " : "⚠️ ") + number + ": " + result.message();
            engine.get().act(chat, (turn, state) -> new Acted<>(null, Outcome.then(state, Reply.of(text))));
        } catch (RuntimeException e) {
            LOG.warn("Claim of case {} from Telegram failed: {}", number, Failures.describe(e));
        }
    }

    /**
     * Tells the consultant a case was routed to, in their linked chat; a case waiting in the queue goes to the
     * consultants' group instead. Never throws: a notice that cannot be sent leaves the case in the workspace.
     */
    public void announce(String number) {
        try {
            desk.notice(number).ifPresent(notice -> {
                Optional<String> chat = notice.assignedTo() == null ? group : desk.telegramChatOf(notice.assignedTo());
                chat.ifPresent(id -> send(id, notice, "desk.notice"));
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not announce case {}: {}", number, Failures.describe(e));
        }
    }

    /** Reports cases nobody took for {@code minutes} to linked admins and the group, each case once. Never throws. */
    public void reportUnclaimed(int minutes) {
        try {
            List<DeskDao.Notice> late = desk.takeUnclaimed(minutes, 50);
            if (late.isEmpty()) {
                return;
            }
            List<String> chats = new ArrayList<>(desk.adminChats());
            group.ifPresent(chats::add);
            for (DeskDao.Notice notice : late) {
                for (String chat : chats) {
                    send(chat, notice, "desk.unclaimed");
                }
            }
            LOG.info("Reported {} cases unclaimed for over {} minutes to {} chats", late.size(), minutes, chats.size());
        } catch (RuntimeException e) {
            LOG.warn("Could not report unclaimed cases: {}", Failures.describe(e));
        }
    }

    private void send(String chat, DeskDao.Notice notice, String textKey) {
        engine.get().act(new ChatKey(Channel.TELEGRAM, chat), (turn, state) -> new Acted<>(null,
                Outcome.then(state, Reply.of(noticeText(turn, notice, textKey),
                        new Button(turn.text("desk.claim.button"), Payload.of(PREFIX, "claim", notice.number()))))));
    }

    private static String noticeText(TurnContext turn, DeskDao.Notice notice, String textKey) {
        return turn.text(textKey).replace("{0}", notice.number()).replace("{1}", CaseTexts.needs(turn.texts(), notice.needs()))
                .replace("{2}", notice.place()).replace("{3}", notice.product() == null ? "—" : notice.product());
    }
}
