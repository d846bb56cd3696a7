package id.klinikumkm.bot.bench;

import java.util.List;

/**
 * One person: a Telegram user id (also the chat id of the private chat) and a web chat session, walking through
 * the opening and then its loop. Used by one connection at a time; a request refused with back-pressure keeps its
 * body so the very same request (same update_id) is delivered again, as Telegram does.
 */
final class SimulatedUser {
    private final long telegramId;
    private final String webSession;
    private final List<ChatStep> opening;
    private final List<ChatStep> loop;
    private int position;
    private String pendingBody;

    SimulatedUser(long telegramId, String webSession, long seed) {
        this.telegramId = telegramId;
        this.webSession = webSession;
        this.opening = Conversations.opening();
        this.loop = Conversations.loop(seed);
    }

    long telegramId() {
        return telegramId;
    }

    String webSession() {
        return webSession;
    }

    ChatStep currentStep() {
        return position < opening.size() ? opening.get(position) : loop.get((position - opening.size()) % loop.size());
    }

    /** The body to send: the refused one again, or a new one built for the current step. */
    String body(java.util.function.Function<SimulatedUser, String> build) {
        if (pendingBody == null) {
            pendingBody = build.apply(this);
        }
        return pendingBody;
    }

    /** The request got its answer (or failed for good): on to the next step. */
    void advance() {
        pendingBody = null;
        position++;
    }
}
