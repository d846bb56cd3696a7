package id.klinikumkm.bot.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a chat is in the conversation, stored durably so a restart or another instance continues it.
 *
 * @param flow the active flow's id, or empty when no flow is active (free questions and the menu)
 * @param step the flow's current step, its own name
 * @param slots what the flow collected so far (personal data: erased with the chat)
 * @param enteredAt when the step was entered; a flow resumed after its resume window asks to continue first
 */
public record ConversationState(String flow, String step, Map<String, String> slots, Instant enteredAt) {
    public ConversationState {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(enteredAt, "enteredAt");
        slots = Map.copyOf(slots);
    }

    /** No flow active. */
    public static ConversationState idle() {
        return new ConversationState("", "", Map.of(), Instant.EPOCH);
    }

    public static ConversationState in(String flow, String step, Instant now) {
        return new ConversationState(flow, step, Map.of(), now);
    }

    public boolean inFlow() {
        return !flow.isEmpty();
    }

    /** The same flow and slots at another step, entered now. */
    public ConversationState at(String nextStep, Instant now) {
        return new ConversationState(flow, nextStep, slots, now);
    }

    /** The same state with one slot set. */
    public ConversationState with(String slot, String value) {
        Map<String, String> next = new HashMap<>(slots);
        next.put(slot, value);
        return new ConversationState(flow, step, next, enteredAt);
    }

    public Optional<String> slot(String name) {
        return Optional.ofNullable(slots.get(name));
    }
}
