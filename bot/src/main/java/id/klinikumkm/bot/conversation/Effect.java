package id.klinikumkm.bot.conversation;

/** Something a turn does besides replying; the engine applies it in the turn's transaction unless noted. */
public sealed interface Effect {

    /** The user answered the storage question (UU PDP 27/2022). */
    record SetConsent(boolean given) implements Effect {}

    /** Erase everything stored about the chat before the replies are recorded. */
    record EraseChat() implements Effect {}

    /**
     * Forget the chat's transcript after {@link TurnContext#transcriptMark()} was {@code mark}: what a user typed
     * into a form they cancelled is theirs to take back. Applied before this turn's message is recorded.
     */
    record ForgetTranscriptAfter(long mark) implements Effect {}

    /** Keep a question for admins; without consent it is kept without its text. */
    record KeepUnanswered(UnansweredQuestion question) implements Effect {}

    /**
     * Work for after the turn committed, such as counting an answer or storing a vote: it does not hold the
     * chat's lock, and is skipped for a turn that was a duplicate delivery. It must handle its own failures.
     */
    record AfterCommit(Runnable action) implements Effect {}
}
