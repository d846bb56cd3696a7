package id.klinikumkm.bot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message of a chat's transcript, as a client shows it again (for example after a page reload).
 *
 * @param id the message's number within its chat, as in {@link OutboundMessage#id()}
 * @param author {@code user}, {@code bot} or {@code consultant}
 * @param text for a pressed button, the label the user saw; without consent, a placeholder instead of what was typed
 * @param buttons the choices a bot or consultant message offered (empty for the user's messages)
 */
public record TranscriptEntry(long id, String author, String text, List<Button> buttons, Instant createdAt) {
    public TranscriptEntry {
        buttons = List.copyOf(buttons);
    }
}
