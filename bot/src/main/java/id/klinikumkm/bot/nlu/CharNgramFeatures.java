package id.klinikumkm.bot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams of each word, with the word's edges marked ({@code <ser}, {@code fik}, {@code kat>}),
 * so that typos and unknown spellings ("sertifkat", "kemasn", "halall") still share most features with the
 * word they mean. Words shorter than {@link #DEFAULT_MIN_WORD} letters ("di", "ya") get none: their word
 * feature already says all, and repeating it in n-grams only made them weigh more (see nlp-models/README.md).
 * Stateless and thread-safe.
 *
 * <p>The model file names this class; it must keep its name and its no-argument constructor, which uses
 * the lengths chosen by cross-validation.
 */
public final class CharNgramFeatures implements FeatureGenerator {
    static final int DEFAULT_MIN = 3;
    static final int DEFAULT_MAX = 5;
    static final int DEFAULT_MIN_WORD = 3;

    private final int min;
    private final int max;
    private final int minWord;

    public CharNgramFeatures() {
        this(DEFAULT_MIN, DEFAULT_MAX, DEFAULT_MIN_WORD);
    }

    /** Other lengths, for comparing settings by cross-validation; such a model cannot be saved and reloaded. */
    CharNgramFeatures(int min, int max, int minWord) {
        if (min < 1 || max < min || minWord < 1) {
            throw new IllegalArgumentException("need 1 <= min <= max and minWord >= 1, got " + min + ".." + max + ", " + minWord);
        }
        this.min = min;
        this.max = max;
        this.minWord = minWord;
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        Collection<String> features = new ArrayList<>(words.length * 12);
        for (String word : words) {
            // Placeholders such as #num carry no spelling.
            if (word.length() < minWord || word.startsWith("#")) {
                continue;
            }
            String padded = "<" + word + ">";
            int length = padded.length();
            for (int n = min; n <= max; n++) {
                for (int start = 0; start + n <= length; start++) {
                    features.add("c=" + padded.substring(start, start + n));
                }
            }
        }
        return features;
    }
}
