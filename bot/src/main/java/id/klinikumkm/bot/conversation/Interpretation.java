package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What a message seems to be about.
 *
 * @param normalisedText the text as the classifier saw it after normalisation (for admins and the API)
 * @param decision what the bot should do with it
 * @param top the most probable intents, best first (at most a few); empty when nothing was scored
 */
public record Interpretation(String normalisedText, Decision decision, List<IntentScore> top) {
    public Interpretation {
        Objects.requireNonNull(normalisedText, "normalisedText");
        Objects.requireNonNull(decision, "decision");
        top = List.copyOf(top);
    }

    /** The most probable intent key, or {@link Intents#OUT_OF_SCOPE} when nothing was scored. */
    public String topIntent() {
        return top.isEmpty() ? Intents.OUT_OF_SCOPE : top.get(0).key();
    }

    /** How confident the classifier is, and so what the bot does. */
    public enum Decision {
        /** Sure enough of one topic: answer it. */
        ANSWER("answer"),
        /** Torn between a few topics: ask "Maksud Bapak/Ibu ...?" with them as buttons. */
        CLARIFY("clarify"),
        /** Not about any topic we know, or too unsure: apologise, show the menu and offer a consultant. */
        FALLBACK("fallback");

        private final String id;

        Decision(String id) {
            this.id = id;
        }

        /** The stable name used in the database and the API. */
        public String id() {
            return id;
        }
    }

    /** One intent and its probability (0 to 1). */
    public record IntentScore(String key, double probability) {
        public IntentScore {
            Objects.requireNonNull(key, "key");
        }
    }
}
