package id.klinikumkm.bot.bench;

/**
 * One thing a user does: types a text, presses a button with a known payload, or presses the button of the last
 * reply whose payload starts with a prefix (a payload the service makes up, such as the intake's send button).
 */
record ChatStep(String text, String button, boolean offered) {
    static ChatStep say(String text) {
        return new ChatStep(text, null, false);
    }

    static ChatStep press(String payload) {
        return new ChatStep(null, payload, false);
    }

    static ChatStep pressOffered(String prefix) {
        return new ChatStep(null, prefix, true);
    }

    boolean isButton() {
        return button != null;
    }
}
