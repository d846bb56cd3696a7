package id.klinikumkm.bot.conversation;

import java.util.Optional;

/** The port to the answers of topics (the FAQ): what the engine says once it knows what was asked. */
public interface TopicAnswers {
    /** Answers nothing: every topic gets the consultant offer. */
    TopicAnswers NONE = new TopicAnswers() {
        @Override
        public Optional<Outcome> answer(TurnContext turn, String key) {
            return Optional.empty();
        }

        @Override
        public Optional<String> title(String key) {
            return Optional.empty();
        }
    };

    /** The answer to topic {@code key}; empty when there is no published answer for it. */
    Optional<Outcome> answer(TurnContext turn, String key);

    /** A short name of the topic for buttons ("Biaya membuat NIB"); empty when it has no published answer. */
    Optional<String> title(String key);
}
