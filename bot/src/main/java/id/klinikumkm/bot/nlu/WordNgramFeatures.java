package id.klinikumkm.bot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word features of a normalised message: every word ({@code w=nib}) and every pair of neighbouring words
 * ({@code b=biaya_nib}), the pairs including the start and end of the message ({@code b=^_cara}), so that
 * "biaya nib" and "nib biaya" share their words but not their order. Stateless and thread-safe.
 *
 * <p>The model file names this class; it must keep its name and its no-argument constructor.
 */
public final class WordNgramFeatures implements FeatureGenerator {

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
        return features;
    }
}
