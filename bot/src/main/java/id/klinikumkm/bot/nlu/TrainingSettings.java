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
 * @param charMin shortest character n-gram, 0 for none
 * @param charMax longest character n-gram
 * @param charMinWord shortest word that gets character n-grams
 */
public record TrainingSettings(String algorithm, int iterations, int cutoff, double l2,
                               boolean words, int charMin, int charMax, int charMinWord) {

    /** The production settings. */
    public static final TrainingSettings CHOSEN = new TrainingSettings("MAXENT_QN", 300, 1, 0.1, true,
            CharNgramFeatures.DEFAULT_MIN, CharNgramFeatures.DEFAULT_MAX, CharNgramFeatures.DEFAULT_MIN_WORD);

    /** Whether a model trained with these settings can be saved and loaded again (see {@link CharNgramFeatures}). */
    public boolean savable() {
        return words && charMin == CharNgramFeatures.DEFAULT_MIN && charMax == CharNgramFeatures.DEFAULT_MAX
                && charMinWord == CharNgramFeatures.DEFAULT_MIN_WORD;
    }

    TrainingSettings withAlgorithm(String name, int newIterations, double newL2) {
        return new TrainingSettings(name, newIterations, cutoff, newL2, words, charMin, charMax, charMinWord);
    }

    TrainingSettings withCutoff(int newCutoff) {
        return new TrainingSettings(algorithm, iterations, newCutoff, l2, words, charMin, charMax, charMinWord);
    }

    TrainingSettings withFeatures(boolean useWords, int min, int max, int minWord) {
        return new TrainingSettings(algorithm, iterations, cutoff, l2, useWords, min, max, minWord);
    }

    /** A short, stable description; also hashed with the data. */
    public String describe() {
        String algo = "MAXENT_QN".equals(algorithm)
                ? String.format(Locale.ROOT, "%s(l2=%s, maxFctEval=%d)", algorithm, l2, iterations)
                : String.format(Locale.ROOT, "%s(iterations=%d)", algorithm, iterations);
        String features = (words ? "word 1-2 grams" : "")
                + (words && charMin > 0 ? " + " : "")
                + (charMin > 0 ? "char " + charMin + "-" + charMax + " grams of words of " + charMinWord + "+ letters" : "");
        return algo + ", cutoff=" + cutoff + ", features: " + features;
    }
}
