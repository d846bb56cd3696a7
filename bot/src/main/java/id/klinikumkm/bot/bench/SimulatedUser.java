package id.klinikumkm.bot.bench;

import java.util.List;

/**
 * One person: a Telegram user id (also the chat id of the private chat) and a web chat session, walking through
 * the opening, the intake form if it is one of those who ask for a consultation, and then its loop. Used by one connection at a time; a request refused with back-pressure keeps its
 * body so the very same request (same update_id) is delivered again, as Telegram does.
 */
final class SimulatedUser {
    private final long telegramId;
    private final String webSession;
    private final List<ChatStep> opening;
    private final List<ChatStep> loop;
    private int position;
    private String pendingBody;
    private List<String> offeredButtons = List.of();
    private final boolean asksForConsultation;

    SimulatedUser(long telegramId, String webSession, long seed, boolean asksForConsultation) {
        this.telegramId = telegramId;
        this.webSession = webSession;
        List<ChatStep> first = new java.util.ArrayList<>(Conversations.opening());
        if (asksForConsultation) {
            first.addAll(Conversations.intake());
        }
        this.opening = List.copyOf(first);
        this.loop = Conversations.loop(seed);
        this.asksForConsultation = asksForConsultation;
    }

    boolean asksForConsultation() {
        return asksForConsultation;
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

    /** The payload to send for a button step: the offered button with that prefix, else the prefix as it is. */
    String buttonPayload(ChatStep step) {
        if (!step.offered()) {
            return step.button();
        }
        return offeredButtons.stream().filter(payload -> payload.startsWith(step.button())).findFirst()
                .orElse(step.button() + "missing");
    }

    /** The buttons of the replies to the last request (web chat only; Telegram's come later, through the outbox). */
    void offered(List<String> payloads) {
        offeredButtons = List.copyOf(payloads);
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
