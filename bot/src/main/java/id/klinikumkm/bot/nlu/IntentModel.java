package id.klinikumkm.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * A trained OpenNLP document categorizer over normalised tokens: the only place that trains, saves, loads
 * and runs the doccat model.
 *
 * <p>Thread-safety: OpenNLP 2.5.9 ships no thread-safe doccat wrapper and {@link DocumentCategorizerME}
 * makes no promise. This class therefore builds a fresh {@code DocumentCategorizerME} for every call (it
 * only holds the model and the stateless feature generators, so that costs one small allocation) and
 * shares nothing mutable; the underlying model is only read after training. Safe for concurrent use.
 */
public final class IntentModel {
    static final String LANGUAGE = "id";

    static {
        // Models name their feature generators by class; OpenNLP only instantiates allow-listed packages.
        ExtensionLoader.registerAllowedPackage(IntentModel.class.getPackageName());
    }

    private final DoccatModel model;
    private final List<String> keys;

    private IntentModel(DoccatModel model) {
        this.model = model;
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        List<String> names = new ArrayList<>(categorizer.getNumberOfCategories());
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            names.add(categorizer.getCategory(i));
        }
        this.keys = List.copyOf(names);
    }

    /**
     * Trains on examples that the normaliser has already turned into tokens.
     *
     * @throws IllegalArgumentException when an example has no tokens left
     */
    public static IntentModel train(List<String> intents, List<List<String>> tokens, TrainingSettings settings) {
        if (intents.size() != tokens.size()) {
            throw new IllegalArgumentException("one intent per example expected");
        }
        List<DocumentSample> samples = new ArrayList<>(intents.size());
        for (int i = 0; i < intents.size(); i++) {
            List<String> words = tokens.get(i);
            samples.add(new DocumentSample(intents.get(i), words.toArray(String[]::new)));
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        if ("MAXENT_QN".equals(settings.algorithm())) {
            parameters.put(QNTrainer.L1COST_PARAM, 0.0);
            parameters.put(QNTrainer.L2COST_PARAM, settings.l2());
            parameters.put(QNTrainer.MAX_FCT_EVAL_PARAM, settings.iterations());
        }
        try {
            DoccatModel model = DocumentCategorizerME.train(LANGUAGE, ObjectStreamUtils.createObjectStream(samples),
                    parameters, new DoccatFactory(featureGenerators(settings)));
            return new IntentModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException("training the intent model failed", e);
        }
    }

    private static FeatureGenerator[] featureGenerators(TrainingSettings settings) {
        List<FeatureGenerator> generators = new ArrayList<>(2);
        if (settings.words()) {
            generators.add(new WordNgramFeatures());
        }
        if (settings.charMin() > 0) {
            generators.add(settings.savable() ? new CharNgramFeatures() : new CharNgramFeatures(settings.charMin(), settings.charMax(), settings.charMinWord()));
        }
        return generators.toArray(FeatureGenerator[]::new);
    }

    /** Reads a model written by {@link #save}. */
    public static IntentModel load(InputStream in) throws IOException {
        return new IntentModel(new DoccatModel(in));
    }

    public void save(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The intent keys the model knows, in the order of {@link #probabilities}. */
    public List<String> keys() {
        return keys;
    }

    /** The probability of each of {@link #keys()} for a non-empty token list; they add up to 1. */
    public double[] probabilities(List<String> tokens) {
        return new DocumentCategorizerME(model).categorize(tokens.toArray(String[]::new));
    }
}
