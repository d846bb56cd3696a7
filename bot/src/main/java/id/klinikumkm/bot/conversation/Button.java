package id.klinikumkm.bot.conversation;

/** A choice offered to the user; pressing it sends {@code payload} back. */
public record Button(String label, String payload) {
    /**
     * The payload of the "share my phone number" button. Channels that can share a verified number (Telegram's
     * {@code request_contact}) show it as such and answer with an {@link Input.Contact}; others leave it out.
     * A reply offering it offers nothing else, because Telegram shows it on a keyboard of its own.
     */
    public static final String SHARE_CONTACT = "contact:share";

    public static Button shareContact(String label) {
        return new Button(label, SHARE_CONTACT);
    }

    public boolean sharesContact() {
        return SHARE_CONTACT.equals(payload);
    }
}
