package id.klinikumkm.bot.conversation;

import java.util.Map;

/**
 * Where a chat is in the conversation. Stored durably, so a restart or another instance continues it.
 *
 * @param step the current dialogue step, one of {@link Step}'s ids
 * @param slots values collected so far in the current step (for guided forms)
 */
public record ConversationState(String step, Map<String, String> slots) {
    public ConversationState {
        slots = Map.copyOf(slots);
    }

    public static ConversationState start() {
        return new ConversationState(Step.NEW.id(), Map.of());
    }

    public static ConversationState at(Step step) {
        return new ConversationState(step.id(), Map.of());
    }

    /** The known dialogue steps; an unknown stored id (older or newer release) counts as {@link #NEW}. */
    public enum Step {
        NEW("new"),
        MAIN_MENU("main_menu"),
        TOPIC("topic"),
        CONFIRM_DELETE("confirm_delete");

        private final String id;

        Step(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Step of(String id) {
            for (Step step : values()) {
                if (step.id.equals(id)) {
                    return step;
                }
            }
            return NEW;
        }
    }
}
