package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the engine wants to send, before it is stored and numbered.
 *
 * @param consultant who wrote it when a consultant did (through the workspace); empty for the bot's own
 */
public record Reply(String text, List<Button> buttons, Optional<Consultant> consultant) {
    public Reply {
        buttons = List.copyOf(buttons);
        Objects.requireNonNull(consultant, "consultant");
    }

    public Reply(String text, List<Button> buttons) {
        this(text, buttons, Optional.empty());
    }

    public static Reply of(String text, Button... buttons) {
        return new Reply(text, List.of(buttons));
    }

    /** A consultant's message on a case, relayed to the user. */
    public static Reply fromConsultant(String text, long accountId, long caseId) {
        return new Reply(text, List.of(), Optional.of(new Consultant(accountId, caseId)));
    }

    /** The author of a relayed message and the case it belongs to. */
    public record Consultant(long accountId, long caseId) {}
}
