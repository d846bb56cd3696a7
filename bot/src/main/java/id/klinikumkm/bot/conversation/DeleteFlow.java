package id.klinikumkm.bot.conversation;

import java.time.Duration;

/**
 * Confirms before erasing a chat's data (UU PDP right to erasure). Only a "yes" given while the question is
 * open erases: an old confirmation button pressed later is refused as stale.
 */
final class DeleteFlow extends YesNoFlow {
    static final String ID = "delete";

    DeleteFlow() {
        super(ID, "delete");
    }

    @Override
    public Duration resumeWindow() {
        return Duration.ofMinutes(15);
    }

    /** "hapus" answers this question as a yes; "jangan hapus" stays a no. */
    @Override
    String typed(String text) {
        return text.replaceAll("(?iU)\\bhapus\\b", "ya");
    }

    @Override
    Outcome answered(TurnContext turn, boolean erase) {
        return erase
                ? Outcome.idle(Reply.of(turn.text("delete.done"))).with(new Effect.EraseChat())
                : Outcome.idle(turn.withMenu(turn.text("delete.cancelled")));
    }
}
