package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.config.AppConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files in {@code nlu.models.dir} and how the service gets its model from them.
 *
 * <ul>
 *   <li>{@value #TRAIN_FILE}: the training examples, {@value #LEXICON_FILE}: the normalisation lexicon;</li>
 *   <li>{@value #MODEL_FILE}: the trained model, and {@value #HASH_FILE}: the SHA-256 of what it was trained
 *       from (both data files, the training settings and the feature version).</li>
 * </ul>
 * At start-up the model is loaded when its hash matches the data, else it is trained in memory (a few seconds)
 * and the log says so; {@code train-nlu} writes it. A directory without the data (a jar started elsewhere)
 * falls back to the copy of the data and the model packed in the jar.
 */
public final class NluModels {
    public static final String TRAIN_FILE = "intents-id.train";
    public static final String TEST_FILE = "intents-id.test";
    public static final String LEXICON_FILE = "lexicon-id.tsv";
    public static final String MODEL_FILE = "intent-id.bin";
    public static final String HASH_FILE = "intent-id.bin.sha256";
    /** Bump when the normaliser or the feature generators change what a model sees, so old models are retrained. */
    static final String FEATURE_VERSION = "features-v2";
    private static final String BUNDLED = "/nlp-models/";
    private static final Logger LOG = LoggerFactory.getLogger(NluModels.class);

    private NluModels() {}

    /** The data a model is trained from, read from one place. */
    public record Data(String origin, List<LabelledText> examples, TextNormaliser normaliser, String hash,
                       Optional<byte[]> model, Optional<String> modelHash) {
        public boolean modelIsCurrent() {
            return model.isPresent() && modelHash.map(hash::equals).orElse(false);
        }
    }

    /** Reads the data from the directory, or from the jar when the directory has no training file. */
    public static Data read(Path dir) {
        if (Files.isRegularFile(dir.resolve(TRAIN_FILE))) {
            return read(dir.toString(), name -> {
                Path file = dir.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            });
        }
        LOG.warn("No {} in nlu.models.dir {}; using the NLU data and model packed in the jar", TRAIN_FILE, dir.toAbsolutePath());
        return read("jar:" + BUNDLED, name -> {
            try (InputStream in = NluModels.class.getResourceAsStream(BUNDLED + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        });
    }

    private interface Source {
        Optional<byte[]> bytes(String name) throws IOException;
    }

    private static Data read(String origin, Source source) {
        try {
            byte[] train = source.bytes(TRAIN_FILE).orElseThrow(() -> missing(origin, TRAIN_FILE));
            byte[] lexicon = source.bytes(LEXICON_FILE).orElseThrow(() -> missing(origin, LEXICON_FILE));
            TextNormaliser normaliser = TextNormaliser.parse(lines(lexicon), origin + "/" + LEXICON_FILE);
            List<LabelledText> examples = IntentDataFile.parse(lines(train), origin + "/" + TRAIN_FILE);
            String hash = hash(train, lexicon, TrainingSettings.CHOSEN);
            Optional<String> modelHash = source.bytes(HASH_FILE).map(NluModels::storedHash);
            return new Data(origin, examples, normaliser, hash, source.bytes(MODEL_FILE), modelHash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NLU data in " + origin, e);
        }
    }

    /** The model the service uses: loaded when current, else trained now. */
    public static NluService open(AppConfig.Nlu config) {
        return open(config, read(config.modelsDir()));
    }

    /** The model the service uses, from data already read by {@link #read}. */
    public static NluService open(AppConfig.Nlu config, Data data) {
        DecisionPolicy policy = new DecisionPolicy(config.threshold(), config.margin(), config.clarifyThreshold());
        if (data.modelIsCurrent()) {
            long start = System.nanoTime();
            IntentModel model = load(data);
            LOG.info("NLU model loaded from {}/{} in {} ms ({} intents)", data.origin(), MODEL_FILE, millis(start), model.keys().size());
            return new NluService(data.normaliser(), model, policy, data.origin() + "/" + MODEL_FILE + " (sha256 " + shortHash(data.hash()) + ")");
        }
        LOG.info("NLU model {}/{} is {}; training it from {} examples", data.origin(), MODEL_FILE,
                data.model().isEmpty() ? "missing" : "out of date (trained from other data)", data.examples().size());
        long start = System.nanoTime();
        IntentModel model = train(data.examples(), data.normaliser(), TrainingSettings.CHOSEN);
        LOG.info("NLU model trained in {} ms; run 'java -jar bot/target/klinik-bot.jar train-nlu' to save it", millis(start));
        return new NluService(data.normaliser(), model, policy, "trained at start-up from " + data.origin() + " (sha256 " + shortHash(data.hash()) + ")");
    }

    /** Loads the stored model of current data. */
    static IntentModel load(Data data) {
        try {
            return IntentModel.load(new ByteArrayInputStream(data.model().orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the NLU model from " + data.origin(), e);
        }
    }

    /** Trains a model on examples (normalised here). */
    public static IntentModel train(List<LabelledText> examples, TextNormaliser normaliser, TrainingSettings settings) {
        List<String> intents = new ArrayList<>(examples.size());
        List<List<String>> tokens = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            List<String> words = normaliser.tokens(example.text());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("training example on line " + example.line() + " has no words: " + example.text());
            }
            intents.add(example.intent());
            tokens.add(words);
        }
        return IntentModel.train(intents, tokens, settings);
    }

    /** Trains from the directory's data and writes the model and its hash there (atomically replacing them). */
    public static IntentModel trainAndSave(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(TRAIN_FILE))) {
            throw new IOException("no " + TRAIN_FILE + " in " + dir.toAbsolutePath());
        }
        Data data = read(dir);
        IntentModel model = train(data.examples(), data.normaliser(), TrainingSettings.CHOSEN);
        Path modelFile = dir.resolve(MODEL_FILE);
        Path temporary = dir.resolve(MODEL_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            model.save(out);
        }
        Files.move(temporary, modelFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String hashFile = "# SHA-256 of " + TRAIN_FILE + ", " + LEXICON_FILE + ", the training settings and " + FEATURE_VERSION
                + ";\n# the service retrains at start-up when the data no longer match. Written by train-nlu.\n"
                + data.hash() + "\n";
        Files.writeString(dir.resolve(HASH_FILE), hashFile, StandardCharsets.UTF_8);
        return model;
    }

    static String hash(byte[] train, byte[] lexicon, TrainingSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FEATURE_VERSION + "\n" + settings.describe() + "\n").getBytes(StandardCharsets.UTF_8));
            // Line endings do not change what a model learns; a Windows checkout must not force retraining.
            digest.update(unixLines(train));
            digest.update((byte) 0);
            digest.update(unixLines(lexicon));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] unixLines(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String storedHash(byte[] file) {
        return lines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().orElse("");
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static IOException missing(String origin, String name) {
        return new IOException("no " + name + " in " + origin);
    }

    static String shortHash(String hash) {
        return hash.substring(0, 12);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
