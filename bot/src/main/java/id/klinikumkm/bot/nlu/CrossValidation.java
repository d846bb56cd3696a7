package id.klinikumkm.bot.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation on the training data: each example is scored by a model that was trained without
 * it. Folds are stratified by intent and drawn with a fixed seed, so the same data gives the same numbers.
 */
public final class CrossValidation {
    private static final long SEED = 20250422L;

    private CrossValidation() {}

    /** Trains {@code k} models and scores every example once, with the decision policy applied. */
    public static Evaluation run(List<LabelledText> examples, TextNormaliser normaliser, TrainingSettings settings,
                                 DecisionPolicy policy, int k) {
        if (k < 2 || k > examples.size()) {
            throw new IllegalArgumentException("k must be from 2 to the number of examples, got " + k);
        }
        List<List<LabelledText>> folds = folds(examples, k);
        List<Evaluation.Prediction> predictions = new ArrayList<>(examples.size());
        for (int i = 0; i < k; i++) {
            List<LabelledText> training = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    training.addAll(folds.get(j));
                }
            }
            NluService service = new NluService(normaliser, NluModels.train(training, normaliser, settings), policy, "fold " + (i + 1));
            for (LabelledText example : folds.get(i)) {
                predictions.add(Evaluation.predict(service, example));
            }
        }
        return Evaluation.of(predictions);
    }

    /**
     * Cross-validates mixes of the maxent probabilities with the nearest-example distribution: trains {@code k}
     * models once and scores every example under each mix {@code {weight, beta, geometric ? 1 : 0, focusWeight}}, in the order given.
     */
    public static List<Evaluation> runMixes(List<LabelledText> examples, TextNormaliser normaliser, TrainingSettings settings,
                                            DecisionPolicy policy, int k, List<double[]> mixes) {
        List<List<LabelledText>> folds = folds(examples, k);
        List<List<Evaluation.Prediction>> predictions = new ArrayList<>();
        mixes.forEach(mix -> predictions.add(new ArrayList<>(examples.size())));
        for (int i = 0; i < k; i++) {
            List<LabelledText> training = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    training.addAll(folds.get(j));
                }
            }
            IntentModel model = NluModels.train(training, normaliser, settings);
            NluService service = new NluService(normaliser, model, policy, "fold " + (i + 1));
            for (LabelledText example : folds.get(i)) {
                List<String> tokens = normaliser.tokens(example.text());
                for (int m = 0; m < mixes.size(); m++) {
                    double[] mix = mixes.get(m);
                    var interpretation = tokens.isEmpty()
                            ? service.interpret(example.text())
                            : service.decide(tokens, model.probabilities(tokens, mix[0], mix[1], mix[2] != 0, mix.length > 3 ? mix[3] : 0));
                    predictions.get(m).add(new Evaluation.Prediction(example, interpretation,
                            DecisionPolicy.label(interpretation.decision(), interpretation.top())));
                }
            }
        }
        return predictions.stream().map(Evaluation::of).toList();
    }

    static List<List<LabelledText>> folds(List<LabelledText> examples, int k) {
        Map<String, List<LabelledText>> byIntent = new LinkedHashMap<>();
        for (LabelledText example : examples) {
            byIntent.computeIfAbsent(example.intent(), key -> new ArrayList<>()).add(example);
        }
        List<List<LabelledText>> folds = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(SEED);
        int next = 0;
        for (List<LabelledText> group : byIntent.values()) {
            List<LabelledText> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            for (LabelledText example : shuffled) {
                folds.get(next).add(example);
                next = (next + 1) % k;
            }
        }
        return folds;
    }
}
