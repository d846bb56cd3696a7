package id.klinikumkm.bot.conversation;

import java.time.Duration;

/**
 * A guided part of the conversation (consent, delete confirmation, a topic helper, later the intake form).
 * While a flow is active it receives every input of its chat, typed or pressed, until it ends; only global
 * commands come first. Its state is the chat's {@link ConversationState} (flow id, step, slots, entry time).
 *
 * <p>Button payloads of a flow start with its id: {@code id:action[:arg...]} (see {@link Payload}).
 * Implementations are stateless and thread-safe.
 */
public interface Flow {
    /** Lower-case letters only; also the prefix of its buttons and the key of its title text {@code flow.ID.title}. */
    String id();

    /** After this long without input, a returning user is asked whether to continue or start again. */
    Duration resumeWindow();

    Outcome start(TurnContext turn);

    /** Handles one input while the flow is active at {@code state}. */
    Outcome onInput(TurnContext turn, ConversationState state, Input input);

    /** Asks the current step's question again (after "continue" on the resume question, or when started again). */
    Outcome repeat(TurnContext turn, ConversationState state);

    /** Leaves the flow on /batal; a flow that collected personal data forgets it here. */
    default Outcome cancel(TurnContext turn, ConversationState state) {
        return Outcome.idle(turn.withMenu(turn.text("cancelled")));
    }
}
