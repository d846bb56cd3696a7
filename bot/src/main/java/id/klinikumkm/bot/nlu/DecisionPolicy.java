package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.conversation.Interpretation.IntentScore;
import java.util.List;

/**
 * Turns ranked probabilities into what the bot does:
 * <ul>
 *   <li>{@link Decision#ANSWER} when the top intent has at least {@code threshold} and leads the second by at
 *       least {@code margin};</li>
 *   <li>{@link Decision#CLARIFY} when it falls short of that but still has at least {@code clarifyThreshold};</li>
 *   <li>{@link Decision#FALLBACK} below that, and whenever the top intent is {@code out_of_scope}.</li>
 * </ul>
 * For evaluation a fallback counts as {@code out_of_scope} and the other two as the top intent.
 */
public record DecisionPolicy(double threshold, double margin, double clarifyThreshold) {
    public DecisionPolicy {
        if (!(threshold >= 0 && threshold <= 1 && margin >= 0 && margin <= 1
                && clarifyThreshold >= 0 && clarifyThreshold <= threshold)) {
            throw new IllegalArgumentException("need 0 <= clarifyThreshold <= threshold <= 1 and 0 <= margin <= 1");
        }
    }

    /** @param ranked intents, most probable first (at least two when there are two) */
    public Decision decide(List<IntentScore> ranked) {
        if (ranked.isEmpty() || Intents.OUT_OF_SCOPE.equals(ranked.get(0).key())) {
            return Decision.FALLBACK;
        }
        double top = ranked.get(0).probability();
        double second = ranked.size() > 1 ? ranked.get(1).probability() : 0;
        if (top >= threshold && top - second >= margin) {
            return Decision.ANSWER;
        }
        return top >= clarifyThreshold ? Decision.CLARIFY : Decision.FALLBACK;
    }

    /** The label a decision counts as when scoring against labelled data. */
    public static String label(Decision decision, List<IntentScore> ranked) {
        return decision == Decision.FALLBACK ? Intents.OUT_OF_SCOPE : ranked.get(0).key();
    }
}
