package id.klinikumkm.bot.conversation;

/** What the user did: typed text (commands included) or pressed a button. */
public sealed interface Input permits Input.Text, Input.ButtonPress, Input.Attachment, Input.Contact {

    /** Typed text; a leading "/" marks a command such as /start. */
    record Text(String text) implements Input {
        public Text {
            if (text == null) {
                throw new IllegalArgumentException("text must not be null");
            }
        }
    }

    /**
     * Something the bot cannot read: a sticker, photo, voice note, location, file...
     *
     * @param fileId the channel's reference to a photo or document, to show it to a consultant; empty otherwise
     */
    record Attachment(String kind, java.util.Optional<String> fileId) implements Input {
        public Attachment(String kind) {
            this(kind, java.util.Optional.empty());
        }
    }

    /**
     * A phone number shared with the channel's "share my number" button (Telegram {@code request_contact}).
     *
     * @param own whether the contact is the sender's own (a forwarded contact card of someone else is not)
     */
    record Contact(String phoneNumber, boolean own) implements Input {
        public Contact {
            if (phoneNumber == null) {
                throw new IllegalArgumentException("phoneNumber must not be null");
            }
        }
    }

    /** A pressed button, identified by the payload the bot gave it (may be stale or forged). */
    record ButtonPress(String payload) implements Input {
        public ButtonPress {
            if (payload == null) {
                throw new IllegalArgumentException("payload must not be null");
            }
        }
    }
}
