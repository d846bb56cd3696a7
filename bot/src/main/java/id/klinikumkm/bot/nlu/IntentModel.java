package id.klinikumkm.bot.nlu;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A trained OpenNLP document categorizer over normalised tokens, with the {@link NearestExamples} index of its
 * training examples and the mix chosen by cross-validation (see {@link TrainingSettings}): the only place that
 * trains, saves, loads and runs the doccat model. The saved form is a short header (the mix and the normalised
 * examples) followed by the OpenNLP model, so a model retrained by admins carries its own examples.
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

    /** Starts a model file that holds the nearest-example index and its weight before the OpenNLP model. */
    private static final byte[] MAGIC = "KUMKM-NLU-2\n".getBytes(StandardCharsets.US_ASCII);

    private final DoccatModel model;
    private final List<String> keys;
    private final List<String> exampleIntents;
    private final List<List<String>> exampleTokens;
    private final NearestExamples nearest;
    private final double nearestWeight;
    private final double nearestBeta;
    private final boolean nearestGeometric;
    private final double focusWeight;

    private IntentModel(DoccatModel model, List<String> exampleIntents, List<List<String>> exampleTokens,
                        double nearestWeight, double nearestBeta, boolean nearestGeometric, double focusWeight) {
        this.model = model;
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        List<String> names = new ArrayList<>(categorizer.getNumberOfCategories());
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            names.add(categorizer.getCategory(i));
        }
        this.keys = List.copyOf(names);
        this.exampleIntents = List.copyOf(exampleIntents);
        this.exampleTokens = exampleTokens.stream().map(List::copyOf).toList();
        this.nearest = new NearestExamples(keys, this.exampleIntents, this.exampleTokens);
        this.nearestWeight = nearestWeight;
        this.nearestBeta = nearestBeta;
        this.nearestGeometric = nearestGeometric;
        this.focusWeight = focusWeight;
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
            return new IntentModel(model, intents, tokens, settings.nearestWeight(), settings.nearestBeta(), settings.nearestGeometric(),
                    settings.focusWeight());
        } catch (IOException e) {
            throw new UncheckedIOException("training the intent model failed", e);
        }
    }

    private static FeatureGenerator[] featureGenerators(TrainingSettings settings) {
        List<FeatureGenerator> generators = new ArrayList<>(2);
        if (settings.words()) {
            generators.add(settings.focus() ? new WordNgramFeatures() : new WordNgramFeatures(false));
        }
        if (settings.charMin() > 0) {
            generators.add(settings.savable() ? new CharNgramFeatures() : new CharNgramFeatures(settings.charMin(), settings.charMax(), settings.charMinWord()));
        }
        return generators.toArray(FeatureGenerator[]::new);
    }

    /**
     * Reads a model written by {@link #save}. A bare OpenNLP model (written before the nearest-example signal) is
     * read as the maxent model alone.
     */
    public static IntentModel load(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(MAGIC.length);
        byte[] start = buffered.readNBytes(MAGIC.length);
        if (!Arrays.equals(start, MAGIC)) {
            buffered.reset();
            return new IntentModel(new DoccatModel(buffered), List.of(), List.of(), 0, 0, false, 0);
        }
        DataInputStream data = new DataInputStream(buffered);
        double weight = data.readDouble();
        double beta = data.readDouble();
        boolean geometric = data.readBoolean();
        double focus = data.readDouble();
        int n = data.readInt();
        List<String> intents = new ArrayList<>(n);
        List<List<String>> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            intents.add(data.readUTF());
            tokens.add(List.of(data.readUTF().split(" ")));
        }
        return new IntentModel(new DoccatModel(data), intents, tokens, weight, beta, geometric, focus);
    }

    /** Writes the nearest-example weight and index (the normalised training examples), then the OpenNLP model. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeDouble(nearestWeight);
        data.writeDouble(nearestBeta);
        data.writeBoolean(nearestGeometric);
        data.writeDouble(focusWeight);
        data.writeInt(exampleIntents.size());
        for (int i = 0; i < exampleIntents.size(); i++) {
            data.writeUTF(exampleIntents.get(i));
            data.writeUTF(String.join(" ", exampleTokens.get(i)));
        }
        data.flush();
        model.serialize(out);
    }

    /** The intent keys the model knows, in the order of {@link #probabilities}. */
    public List<String> keys() {
        return keys;
    }

    /**
     * The probability of each of {@link #keys()} for a non-empty token list; they add up to 1. The maxent model's
     * probabilities, mixed with the nearest-example distribution when the model was trained with a weight for it.
     */
    public double[] probabilities(List<String> tokens) {
        return probabilities(tokens, nearestWeight, nearestBeta, nearestGeometric, focusWeight);
    }

    /**
     * With a focus weight, a message with a turn word followed by at least two words ("NIB sudah punya, sekarang
     * mau daftar halal") is also classified on those words alone, and the two are mixed geometrically: the clause
     * asked about counts more than the topic mentioned in passing.
     */
    double[] probabilities(List<String> tokens, double weight, double beta, boolean geometric, double focus) {
        double[] whole = probabilities(tokens, weight, beta, geometric);
        if (focus == 0) {
            return whole;
        }
        int start = WordNgramFeatures.focusStart(tokens.toArray(String[]::new));
        if (start == 0 || tokens.size() - start < 2) {
            return whole;
        }
        double[] asked = probabilities(tokens.subList(start, tokens.size()), weight, beta, geometric);
        double sum = 0;
        for (int k = 0; k < whole.length; k++) {
            whole[k] = Math.exp((1 - focus) * Math.log(Math.max(whole[k], 1e-300)) + focus * Math.log(Math.max(asked[k], 1e-300)));
            sum += whole[k];
        }
        for (int k = 0; k < whole.length; k++) {
            whole[k] /= sum;
        }
        return whole;
    }

    /** As {@link #probabilities(List)} with another mix (for choosing it by cross-validation). */
    double[] probabilities(List<String> tokens, double weight, double beta, boolean geometric) {
        double[] maxent = new DocumentCategorizerME(model).categorize(tokens.toArray(String[]::new));
        if (weight == 0 || nearest.size() == 0) {
            return maxent;
        }
        if (geometric) {
            // maxent^(1-w) * softmax(beta * s)^w, renormalised: the softmax's normaliser cancels out.
            double[] similarity = nearest.similarities(tokens);
            double sum = 0;
            for (int k = 0; k < maxent.length; k++) {
                maxent[k] = Math.exp((1 - weight) * Math.log(Math.max(maxent[k], 1e-300)) + weight * beta * similarity[k]);
                sum += maxent[k];
            }
            for (int k = 0; k < maxent.length; k++) {
                maxent[k] /= sum;
            }
            return maxent;
        }
        double[] near = nearest.distribution(tokens, beta);
        for (int k = 0; k < maxent.length; k++) {
            maxent[k] = (1 - weight) * maxent[k] + weight * near[k];
        }
        return maxent;
    }

    /** The maxent probabilities and the nearest-example similarities, for tuning the mix. */
    double[] maxentProbabilities(List<String> tokens) {
        return new DocumentCategorizerME(model).categorize(tokens.toArray(String[]::new));
    }

    NearestExamples nearest() {
        return nearest;
    }
}
