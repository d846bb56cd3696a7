package id.klinikumkm.bot.conversation;

import java.time.Duration;

/**
 * Confirms before erasing a chat's data (UU PDP right to erasure). Only a "yes" given while the question is
 * open erases: an old confirmation button pressed later is refused as stale.
 */
final class DeleteFlow implements Flow {
    static final String ID = "delete";
    static final String YES = Payload.of(ID, "yes");
    static final String NO = Payload.of(ID, "no");
    private static final String CONFIRM = "confirm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Duration resumeWindow() {
        return Duration.ofMinutes(15);
    }

    @Override
    public Outcome start(TurnContext turn) {
        return Outcome.then(ConversationState.in(ID, CONFIRM, turn.now()), question(turn));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        return start(turn);
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        Boolean erase = null;
        if (input instanceof Input.ButtonPress press && (YES.equals(press.payload()) || NO.equals(press.payload()))) {
            erase = YES.equals(press.payload());
        } else if (input instanceof Input.Text text) {
            // "hapus" answers the delete question as a yes; "jangan hapus" stays a no.
            erase = YesNo.read(text.text().replaceAll("(?iU)\\bhapus\\b", "ya")).orElse(null);
        }
        if (erase == null) {
            return Outcome.then(state, Reply.of(turn.text("delete.hint")), question(turn));
        }
        return erase
                ? Outcome.idle(Reply.of(turn.text("delete.done"))).with(new Effect.EraseChat())
                : Outcome.idle(turn.withMenu(turn.text("delete.cancelled")));
    }

    private static Reply question(TurnContext turn) {
        return Reply.of(turn.text("delete.confirm"),
                new Button(turn.text("delete.yes"), YES),
                new Button(turn.text("delete.no"), NO));
    }
}
