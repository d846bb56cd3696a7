package id.klinikumkm.bot.nlu;

import java.util.Locale;

/**
 * How the classifier is trained: the OpenNLP algorithm and its parameters, and the feature set. The values in
 * {@link #CHOSEN} were picked by 5-fold cross-validation ({@code nlu-tune}); {@code nlp-models/README.md}
 * records the comparison. They are part of the data hash, so changing them retrains the model.
 *
 * @param algorithm an OpenNLP trainer: {@code MAXENT} (GIS), {@code MAXENT_QN} (L-BFGS), {@code PERCEPTRON},
 *     {@code NAIVEBAYES}
 * @param iterations training iterations (GIS, perceptron) or the evaluation budget (L-BFGS)
 * @param cutoff features seen fewer times than this are dropped
 * @param l2 L2 regularisation cost (MAXENT_QN only)
 * @param words whether word unigram and bigram features are used
 * @param focus whether the words after the last turn word get focus features (see {@link WordNgramFeatures})
 * @param charMin shortest character n-gram, 0 for none
 * @param charMax longest character n-gram
 * @param charMinWord shortest word that gets character n-grams
 * @param nearestWeight the share of the nearest-example distribution ({@link NearestExamples}) in the probabilities,
 *     0 for the maxent model alone
 * @param nearestBeta the sharpness of the nearest-example softmax
 * @param nearestGeometric whether the two are mixed geometrically ({@code maxent^(1-w) * nearest^w}, renormalised)
 *     rather than as a weighted sum
 * @param focusWeight when a message has a turn word ({@link WordNgramFeatures#FOCUS_CUES}) followed by at least two
 *     words, the probabilities of those words alone are mixed in geometrically with this weight (0: not at all)
 */
public record TrainingSettings(String algorithm, int iterations, int cutoff, double l2,
                               boolean words, boolean focus, int charMin, int charMax, int charMinWord,
                               double nearestWeight, double nearestBeta, boolean nearestGeometric,
                               double focusWeight) {

    /** The production settings. */
    public static final TrainingSettings CHOSEN = new TrainingSettings("MAXENT_QN", 300, 1, 0.1, true, true,
            CharNgramFeatures.DEFAULT_MIN, CharNgramFeatures.DEFAULT_MAX, CharNgramFeatures.DEFAULT_MIN_WORD, 0.65, 5, true, 0.4);

    public TrainingSettings {
        if (!(nearestWeight >= 0 && nearestWeight <= 1 && nearestBeta >= 0 && focusWeight >= 0 && focusWeight <= 1)) {
            throw new IllegalArgumentException("need 0 <= nearestWeight <= 1, nearestBeta >= 0 and 0 <= focusWeight <= 1");
        }
    }

    /** Whether a model trained with these settings can be saved and loaded again (see {@link CharNgramFeatures}). */
    public boolean savable() {
        return words && focus && charMin == CharNgramFeatures.DEFAULT_MIN && charMax == CharNgramFeatures.DEFAULT_MAX
                && charMinWord == CharNgramFeatures.DEFAULT_MIN_WORD;
    }

    TrainingSettings withAlgorithm(String name, int newIterations, double newL2) {
        return new TrainingSettings(name, newIterations, cutoff, newL2, words, focus, charMin, charMax, charMinWord, nearestWeight, nearestBeta, nearestGeometric, focusWeight);
    }

    TrainingSettings withCutoff(int newCutoff) {
        return new TrainingSettings(algorithm, iterations, newCutoff, l2, words, focus, charMin, charMax, charMinWord, nearestWeight, nearestBeta, nearestGeometric, focusWeight);
    }

    TrainingSettings withFeatures(boolean useWords, int min, int max, int minWord) {
        return new TrainingSettings(algorithm, iterations, cutoff, l2, useWords, focus, min, max, minWord, nearestWeight, nearestBeta, nearestGeometric, focusWeight);
    }

    TrainingSettings withFocus(boolean useFocus) {
        return new TrainingSettings(algorithm, iterations, cutoff, l2, words, useFocus, charMin, charMax, charMinWord, nearestWeight, nearestBeta, nearestGeometric, focusWeight);
    }

    TrainingSettings withNearest(double weight, double beta, boolean geometric) {
        return new TrainingSettings(algorithm, iterations, cutoff, l2, words, focus, charMin, charMax, charMinWord, weight, beta, geometric, focusWeight);
    }

    /** A short, stable description; also hashed with the data. */
    public String describe() {
        String algo = "MAXENT_QN".equals(algorithm)
                ? String.format(Locale.ROOT, "%s(l2=%s, maxFctEval=%d)", algorithm, l2, iterations)
                : String.format(Locale.ROOT, "%s(iterations=%d)", algorithm, iterations);
        String features = (words ? (focus ? "word 1-2 grams + focus words" : "word 1-2 grams") : "")
                + (words && charMin > 0 ? " + " : "")
                + (charMin > 0 ? "char " + charMin + "-" + charMax + " grams of words of " + charMinWord + "+ letters" : "");
        String nearest = nearestWeight == 0 ? ""
                : String.format(Locale.ROOT, ", + BM25 nearest example (%s, weight %s, beta %s)",
                        nearestGeometric ? "geometric" : "linear", nearestWeight, nearestBeta);
        String focusMix = focusWeight == 0 ? "" : ", + the asked clause alone (weight " + focusWeight + ")";
        return algo + ", cutoff=" + cutoff + ", features: " + features + nearest + focusMix;
    }
}
