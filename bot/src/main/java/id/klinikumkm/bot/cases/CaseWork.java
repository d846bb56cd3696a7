package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Effect;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.SystemAction.Acted;
import id.klinikumkm.bot.conversation.TextCleaner;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What consultants do to a case: claim it, reply to the user, change its status. Each action runs in the
 * case's chat through {@link ConversationEngine#act}, under the chat's lock and in one transaction with the
 * message it sends, so two consultants claiming at once are told apart by the database and the user's chat,
 * the transcript and the outbox stay consistent. Thread-safe.
 */
public final class CaseWork {
    private static final Logger LOG = LoggerFactory.getLogger(CaseWork.class);
    public static final int MAX_REPLY_CHARS = 4000;
    /** Statuses a consultant may set by hand; the others follow from claims and replies. */
    public static final Set<String> SETTABLE = Set.of("in_progress", "waiting_user", "resolved", "closed");

    private final ConversationEngine engine;
    private final CaseDao lookup;
    private final WorkspaceDao workspace;
    private final Consumer<String> announce;
    private final Consumer<Duration> firstReply;

    /**
     * @param lookup finds a case's chat before its lock is taken (outside any turn)
     * @param announce tells the consultant a case was (re)assigned to, after the change committed
     * @param firstReply told, after the reply committed, how long a case waited for its first consultant reply
     */
    public CaseWork(ConversationEngine engine, CaseDao lookup, WorkspaceDao workspace, Consumer<String> announce,
                    Consumer<Duration> firstReply) {
        this.engine = engine;
        this.lookup = lookup;
        this.workspace = workspace;
        this.announce = announce;
        this.firstReply = firstReply;
    }

    /** How an action went, in words for the workspace. */
    public record Result(boolean done, String message) {
        static Result ok(String message) {
            return new Result(true, message);
        }

        static Result refused(String message) {
            return new Result(false, message);
        }
    }

    /** "Ambil": exactly one of several consultants claiming at once wins; the others are told who did. */
    public Result claim(Staff staff, String number) {
        return inCase(number, "claim", staff, (turn, state, cases, ref) -> {
            if (ref.heldBy(staff.accountId()) && !ref.status().equals("assigned")) {
                return new Acted<>(Result.ok("Kasus ini sudah Bapak/Ibu tangani."), Outcome.then(state));
            }
            if (cases.claim(ref.id(), staff.accountId()) != 1) {
                String holder = ref.holder() == null ? "petugas lain" : ref.holder();
                return new Acted<>(Result.refused("Kasus ini sudah diambil oleh " + holder + "."), Outcome.then(state));
            }
            cases.event(ref.id(), staff.actorKind(), staff.accountId(), "claimed", ref.status(), "in_progress", "");
            String text = turn.text("case.claimed.user").replace("{0}", number).replace("{1}", staff.firstName());
            ConversationState next = RelayFlow.mayRelay(state, number) ? RelayFlow.state(number, turn.now()) : state;
            return new Acted<>(Result.ok("Kasus berhasil diambil."), Outcome.then(next, Reply.of(text, RelayFlow.leaveButton(turn))));
        });
    }

    /** A reply that reaches the user on the case's channel and joins the transcript as the consultant's. */
    public Result reply(Staff staff, String number, String typed) {
        String text = TextCleaner.clean(typed == null ? "" : typed).strip();
        if (text.isEmpty() || text.length() > MAX_REPLY_CHARS) {
            return Result.refused("Balasan harus berisi 1 sampai " + MAX_REPLY_CHARS + " karakter.");
        }
        return inCase(number, "reply", staff, (turn, state, cases, ref) -> {
            Optional<String> refusal = mayAct(staff, ref);
            if (refusal.isPresent()) {
                return new Acted<>(Result.refused(refusal.get()), Outcome.then(state));
            }
            Optional<Long> waited = cases.awaitingFirstReplyMillis(ref.id());
            cases.setStatus(ref.id(), "waiting_user", true);
            cases.event(ref.id(), staff.actorKind(), staff.accountId(), "replied", ref.status(), "waiting_user", text.length() + " karakter");
            String shown = turn.text("case.reply.user").replace("{0}", number).replace("{1}", staff.firstName()).replace("{2}", text);
            ConversationState next = RelayFlow.mayRelay(state, number) ? RelayFlow.state(number, turn.now()) : state;
            Outcome outcome = Outcome.then(next, Reply.fromConsultant(shown, staff.accountId(), ref.id()));
            if (waited.isPresent()) {
                Duration firstWait = Duration.ofMillis(Math.max(0, waited.get()));
                outcome = outcome.with(new Effect.AfterCommit(() -> firstReply.accept(firstWait)));
            }
            return new Acted<>(Result.ok("Balasan terkirim."), outcome);
        });
    }

    /** A status set by hand; resolving tells the user and asks for a rating, which returns the chat to the bot. */
    public Result setStatus(Staff staff, String number, String status) {
        if (!SETTABLE.contains(status)) {
            return Result.refused("Status itu tidak dikenal.");
        }
        return inCase(number, "status " + status, staff, (turn, state, cases, ref) -> {
            boolean closing = status.equals("closed") && ref.status().equals("resolved");
            Optional<String> refusal = closing ? mayTouch(staff, ref) : mayAct(staff, ref);
            if (refusal.isPresent()) {
                return new Acted<>(Result.refused(refusal.get()), Outcome.then(state));
            }
            cases.setStatus(ref.id(), status, false);
            cases.event(ref.id(), staff.actorKind(), staff.accountId(), "status", ref.status(), status, "");
            if (status.equals("resolved")) {
                String text = turn.text("case.resolved.user").replace("{0}", number);
                return new Acted<>(Result.ok("Kasus diselesaikan; pengguna diminta memberi nilai."), RatingFlow.ask(turn, state, number, text));
            }
            return new Acted<>(Result.ok("Status diubah."), Outcome.then(state));
        });
    }

    /** An admin hands a case that is not finished to another active consultant, who is told in Telegram. */
    public Result reassign(Staff staff, String number, String username) {
        Optional<ConsultantLoad> target = workspace.consultants().stream()
                .filter(c -> c.username().equals(username) && c.active()).findFirst();
        if (!staff.admin()) {
            return Result.refused("Hanya admin yang bisa mengalihkan kasus.");
        }
        if (target.isEmpty()) {
            return Result.refused("Pilih petugas yang aktif.");
        }
        return inCase(number, "reassign", staff, (turn, state, cases, ref) -> {
            if (ref.status().equals("resolved") || ref.status().equals("closed")) {
                return new Acted<>(Result.refused("Kasus ini sudah selesai."), Outcome.then(state));
            }
            cases.reassign(ref.id(), target.get().accountId());
            cases.event(ref.id(), staff.actorKind(), staff.accountId(), "reassigned", ref.status(), "assigned",
                    "dialihkan ke " + target.get().displayName() + (ref.holder() == null ? "" : " dari " + ref.holder()));
            return new Acted<>(Result.ok("Kasus dialihkan ke " + target.get().displayName() + "."),
                    Outcome.then(state).with(new Effect.AfterCommit(() -> announce.accept(number))));
        });
    }

    private static Optional<String> mayAct(Staff staff, CaseRef ref) {
        if (!ref.open()) {
            return Optional.of(ref.status().equals("new") ? "Ambil kasus ini dulu sebelum membalas." : "Kasus ini sudah selesai.");
        }
        return mayTouch(staff, ref);
    }

    private static Optional<String> mayTouch(Staff staff, CaseRef ref) {
        return staff.admin() || ref.heldBy(staff.accountId()) ? Optional.empty()
                : Optional.of("Kasus ini ditangani oleh " + (ref.holder() == null ? "petugas lain" : ref.holder()) + ".");
    }

    /** One step on a case, in its chat's turn. */
    private interface CaseStep {
        Acted<Result> apply(TurnContext turn, ConversationState state, CaseDao cases, CaseRef ref);
    }

    /** One action on a case, logged with the case number and the account (never the text). */
    private Result inCase(String number, String action, Staff staff, CaseStep step) {
        Optional<CaseRef> found = lookup.ref(number);
        if (found.isEmpty()) {
            return Result.refused("Kasus " + number + " tidak ditemukan.");
        }
        Result result = engine.act(found.get().chat(), (turn, state) -> {
            CaseDao cases = turn.repository(CaseDao.class);
            return step.apply(turn, state, cases, cases.ref(number).orElseThrow());
        });
        LOG.info("Case {}: {} by account {} {}", number, action, staff.accountId(), result.done() ? "done" : "refused");
        return result;
    }
}
