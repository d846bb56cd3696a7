package id.klinikumkm.bot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word features of a normalised message: every word ({@code w=nib}) and every pair of neighbouring words
 * ({@code b=biaya_nib}), the pairs including the start and end of the message ({@code b=^_cara}), so that
 * "biaya nib" and "nib biaya" share their words but not their order.
 *
 * <p>Focus: when a message names one thing and then asks about another, the asked part follows a turn word
 * ("NIB sudah punya, <em>sekarang</em> mau daftar halal", "pirt udah, <em>tapi</em> label gizi wajib ga",
 * "mau <em>tanya</em> biaya halal"); {@link #focusStart} finds it, and {@link IntentModel} classifies that clause
 * on its own as well; here the words after the last turn word ({@link #FOCUS_CUES}) also get a second feature
 * {@code f=halal}, so the model can learn that the clause asked about outweighs the one mentioned in passing.
 * Stateless and thread-safe.
 *
 * <p>The model file names this class; it must keep its name and its no-argument constructor.
 */
public final class WordNgramFeatures implements FeatureGenerator {
    /** Normalised words after which the question proper starts (the lexicon maps their spellings here). */
    static final Set<String> FOCUS_CUES = Set.of("sekarang", "tapi", "terus", "lalu", "nah", "namun", "cuma",
            "tanya", "pertanyaan", "trus", "kemudian", "selanjutnya");

    private final boolean focus;

    /** With focus features, as chosen by cross-validation (nlp-models/README.md). */
    public WordNgramFeatures() {
        this(true);
    }

    /** Without focus features, for comparing by cross-validation; such a model cannot be saved and reloaded. */
    WordNgramFeatures(boolean focus) {
        this.focus = focus;
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        Collection<String> features = new ArrayList<>(words.length * 2 + 1);
        String previous = "^";
        for (String word : words) {
            features.add("w=" + word);
            features.add("b=" + previous + "_" + word);
            previous = word;
        }
        if (words.length > 0) {
            features.add("b=" + previous + "_$");
        }
        for (int i = focus ? focusStart(words) : 0; i > 0 && i < words.length; i++) {
            features.add("f=" + words[i]);
        }
        return features;
    }

    /** The index of the first word after the last turn word, or 0 when the message has none. */
    static int focusStart(String[] words) {
        for (int i = words.length - 1; i >= 0; i--) {
            if (FOCUS_CUES.contains(words[i])) {
                return i + 1;
            }
        }
        return 0;
    }
}
