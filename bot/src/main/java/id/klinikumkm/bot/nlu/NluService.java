package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.conversation.Interpretation.IntentScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Understands a message: normalise, classify, decide. Immutable and thread-safe (see {@link IntentModel}).
 */
public final class NluService implements IntentClassifier {
    /** How many intents an interpretation lists. */
    public static final int TOP = 3;

    private final TextNormaliser normaliser;
    private final IntentModel model;
    private final DecisionPolicy policy;
    private final String description;

    /** @param description where the model came from, for logs and the API */
    public NluService(TextNormaliser normaliser, IntentModel model, DecisionPolicy policy, String description) {
        this.normaliser = normaliser;
        this.model = model;
        this.policy = policy;
        this.description = description;
    }

    @Override
    public Interpretation interpret(String text) {
        List<String> tokens = normaliser.tokens(text);
        if (tokens.isEmpty()) {
            return new Interpretation("", Decision.FALLBACK, List.of());
        }
        return decide(tokens, model.probabilities(tokens));
    }

    /** The interpretation of normalised tokens with the given probabilities (in the order of the model's keys). */
    Interpretation decide(List<String> tokens, double[] probabilities) {
        List<IntentScore> ranked = rank(probabilities);
        return new Interpretation(String.join(" ", tokens), policy.decide(ranked), ranked.subList(0, Math.min(TOP, ranked.size())));
    }

    private List<IntentScore> rank(double[] probabilities) {
        List<String> keys = model.keys();
        List<IntentScore> scores = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            scores.add(new IntentScore(keys.get(i), probabilities[i]));
        }
        // Ties (rare) go to the key that sorts first, so results never depend on hash order.
        scores.sort(Comparator.comparingDouble(IntentScore::probability).reversed().thenComparing(IntentScore::key));
        return scores;
    }

    public TextNormaliser normaliser() {
        return normaliser;
    }

    public IntentModel model() {
        return model;
    }

    public DecisionPolicy policy() {
        return policy;
    }

    public String description() {
        return description;
    }
}
