package id.klinikumkm.bot.bench;

/** One thing a user does: types a text, or presses a button whose payload the service gave it. */
record ChatStep(String text, String button) {
    static ChatStep say(String text) {
        return new ChatStep(text, null);
    }

    static ChatStep press(String payload) {
        return new ChatStep(null, payload);
    }

    boolean isButton() {
        return button != null;
    }
}
