package id.klinikumkm.bot.conversation;

import java.util.List;

/** A message the engine wants to send, before it is stored and numbered. */
public record Reply(String text, List<Button> buttons) {
    public Reply {
        buttons = List.copyOf(buttons);
    }

    public static Reply of(String text, Button... buttons) {
        return new Reply(text, List.of(buttons));
    }
}
