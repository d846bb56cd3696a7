package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Flow;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * While a consultant handles a case, the user's messages go to the case (the consultant reads them in the
 * workspace) and are never answered by the classifier. Global commands still work, and "Kembali ke bot" leaves
 * the relay without closing the case. Started by a consultant's claim or reply, never by the user.
 */
public final class RelayFlow implements Flow, ButtonHandler {
    public static final String ID = "relay";
    static final String LEAVE = Payload.of(ID, "leave");
    private static final String STEP = "open";
    private static final String CASE = "case";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String prefix() {
        return ID;
    }

    /** A case can take days; a user back after that long is asked whether to go on with the consultant. */
    @Override
    public Duration resumeWindow() {
        return Duration.ofDays(14);
    }

    /** The chat relaying to the consultant of case {@code number}. */
    static ConversationState state(String number, Instant now) {
        return ConversationState.in(ID, STEP, now).with(CASE, number);
    }

    /** Whether {@code state} relays case {@code number}, or no flow at all is active (the relay may begin). */
    static boolean mayRelay(ConversationState state, String number) {
        return !state.inFlow() || state.flow().equals(ID) && state.slot(CASE).filter(number::equals).isPresent();
    }

    static Button leaveButton(TurnContext turn) {
        return new Button(turn.text("relay.leave.button"), LEAVE);
    }

    @Override
    public Outcome start(TurnContext turn) {
        return Outcome.idle(turn.withMenu(turn.text("menu.prompt")));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        return Outcome.then(state.at(STEP, turn.now()),
                Reply.of(turn.text("relay.active").replace("{0}", number(state)), leaveButton(turn)));
    }

    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        return turn.stale();
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press) {
            if (LEAVE.equals(press.payload())) {
                return Outcome.idle(turn.withMenu(turn.text("relay.left").replace("{0}", number(state))));
            }
            Outcome other = turn.asIfIdle(input);
            return other.next().inFlow() ? other : new Outcome(other.replies(), state, other.effects());
        }
        CaseDao cases = turn.repository(CaseDao.class);
        Optional<CaseRef> relayed = cases.ref(number(state)).filter(CaseRef::open);
        if (relayed.isEmpty()) {
            return turn.asIfIdle(input);
        }
        boolean file = input instanceof Input.Attachment attachment && attachment.fileId().isPresent();
        Reply attachmentNote = Reply.of(turn.text(file ? "relay.file.forwarded" : "relay.attachment"), leaveButton(turn));
        if (!relayed.get().status().equals("waiting_user")) {
            return input instanceof Input.Attachment ? Outcome.then(state, attachmentNote) : Outcome.then(state);
        }
        cases.setStatus(relayed.get().id(), "in_progress", false);
        cases.event(relayed.get().id(), "user", null, "status", "waiting_user", "in_progress", "pesan dari pengguna");
        Reply forwarded = Reply.of(turn.text("relay.forwarded"), leaveButton(turn));
        return input instanceof Input.Attachment ? Outcome.then(state, attachmentNote) : Outcome.then(state, forwarded);
    }

    private static String number(ConversationState state) {
        return state.slot(CASE).orElse("");
    }
}
