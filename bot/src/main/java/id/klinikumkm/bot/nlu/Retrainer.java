package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.nlu.ModelRun.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains the intent classifier on {@code intents-id.train} plus the admins' {@link TrainingExamples}, and puts the
 * new model into service only when it is not worse: the candidate is cross-validated ({@code nlu.retrain.folds}
 * folds, the production {@link TrainingSettings#CHOSEN} and the serving {@link DecisionPolicy}) and refused when its
 * accuracy is more than {@code nlu.retrain.max.accuracy.drop} below the serving model's recorded figures. Every run
 * is a row of {@code nlu_models} with an Indonesian reason for admins; a refused or failed run leaves the old model
 * serving.
 *
 * <p>One run at a time: a second request while one is queued or running here is declined, and across instances
 * a PostgreSQL advisory lock is held for the run (an instance that finds it taken records nothing and says so in
 * {@link #status}). Runs happen on a single background thread, so a request returns at once.
 */
public final class Retrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /** Floating-point slack, so a candidate exactly at the limit is accepted. */
    private static final double EPSILON = 1e-9;
    /**
     * Cross-validated figures of seed data, by data hash, folds and policy. Cross-validation is deterministic (fixed
     * seed, one training thread), so the figures of the same files never change; remembering them spares a
     * repeated cross-validation of the seed when a database is new (tests create many).
     */
    private static final Map<String, Figures> SEED_FIGURES = new ConcurrentHashMap<>();

    /** What the page shows as the current phase. */
    public enum Phase {
        IDLE("siap"), QUEUED("antri"), PREPARING("menyiapkan data"), CROSS_VALIDATING("validasi silang"),
        TRAINING("melatih"), DONE("selesai");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The Indonesian name shown to admins. */
        public String label() {
            return label;
        }
    }

    /**
     * For the admin page.
     *
     * @param notice Indonesian, about the last request on this instance when it left no row (another instance was
     *     training); empty otherwise
     * @param runs the newest runs first
     */
    public record Status(Phase phase, Instant since, String notice, List<ModelRun> runs) {}

    private final ReloadableClassifier classifier;
    private final TrainingExamples examples;
    private final NluModelsDao runs;
    private final Path modelsDir;
    private final int folds;
    private final double maxAccuracyDrop;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nlu-retrain");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Phase phase = Phase.IDLE;
    private volatile Instant since = Instant.now();
    private volatile String notice = "";

    public Retrainer(ReloadableClassifier classifier, TrainingExamples examples, NluModelsDao runs, Path modelsDir,
                     int folds, double maxAccuracyDrop) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
            throw new IllegalArgumentException("maxAccuracyDrop must be from 0 to 1, got " + maxAccuracyDrop);
        }
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.examples = Objects.requireNonNull(examples, "examples");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.modelsDir = Objects.requireNonNull(modelsDir, "modelsDir");
        this.folds = folds;
        this.maxAccuracyDrop = maxAccuracyDrop;
    }

    public static Retrainer create(AppConfig.Nlu config, ReloadableClassifier classifier, TrainingExamples examples,
                                   NluModelsDao runs) {
        return new Retrainer(classifier, examples, runs, config.modelsDir(), config.retrainFolds(), config.maxAccuracyDrop());
    }

    /**
     * Queues a run and returns at once.
     *
     * @param trainedBy the admin's user name, recorded with the run
     * @return empty when a run is already queued or running on this instance; else a future of the run's row when it
     *     ends, which is empty when the run left no row (another instance was training: see {@link Status#notice()})
     */
    public Optional<CompletableFuture<Optional<ModelRun>>> start(String trainedBy) {
        Objects.requireNonNull(trainedBy, "trainedBy");
        if (!busy.compareAndSet(false, true)) {
            return Optional.empty();
        }
        enter(Phase.QUEUED);
        notice = "";
        try {
            return Optional.of(CompletableFuture.supplyAsync(() -> runGuarded(trainedBy), executor));
        } catch (RuntimeException e) {
            busy.set(false);
            enter(Phase.IDLE);
            throw e;
        }
    }

    /** The current phase and the last {@code lastRuns} runs. */
    public Status status(int lastRuns) {
        return new Status(phase, since, notice, runs.recent(lastRuns));
    }

    /**
     * Never throws: what goes wrong once the run has its row ends as a failed row; earlier failures (database
     * unreachable, training files unreadable, the seed's cross-validation) end as the notice and a log line.
     */
    private Optional<ModelRun> runGuarded(String trainedBy) {
        try {
            long[] version = {0};
            boolean ran = runs.whileLocked(() -> version[0] = runLocked(trainedBy));
            if (!ran) {
                notice = "Pelatihan lain sedang berjalan di server lain; coba lagi setelah selesai.";
                LOG.info("NLU retraining declined: another instance holds the retraining lock");
                return Optional.empty();
            }
            return runs.find(version[0]);
        } catch (RuntimeException e) {
            LOG.error("NLU retraining failed before it was recorded: {}", Failures.describe(e));
            notice = "Pelatihan gagal (" + Failures.describe(e) + "); model lama tetap dipakai.";
            return Optional.empty();
        } finally {
            enter(Phase.DONE);
            busy.set(false);
        }
    }

    /** One run, holding the lock; returns its version. */
    private long runLocked(String trainedBy) {
        long started = System.nanoTime();
        enter(Phase.PREPARING);
        int interrupted = runs.failInterrupted("Pelatihan terputus karena server berhenti; model lama tetap dipakai.");
        if (interrupted > 0) {
            LOG.warn("{} NLU retraining run(s) left unfinished by a stopped instance were marked failed", interrupted);
        }
        NluModels.Data seed = NluModels.read(modelsDir);
        List<LabelledText> data = trainingData(seed);
        ReloadableClassifier.Serving serving = classifier.serving();
        DecisionPolicy policy = serving.service().policy();
        // Before this run's row, so that a seed row it records comes first in the history.
        Figures baseline = servingFigures(serving, seed, policy);
        long version = runs.insertRunning(hash(seed.hash(), data), seed.hash(), data.size(), trainedBy);
        try {
            enter(Phase.CROSS_VALIDATING);
            Figures candidate = Figures.of(CrossValidation.run(data, seed.normaliser(), TrainingSettings.CHOSEN, policy, folds));
            runs.recordFigures(version, candidate.accuracy(), candidate.inScopeAccuracy(), candidate.oosRecall());
            if (candidate.accuracy() < baseline.accuracy() - maxAccuracyDrop - EPSILON) {
                runs.finish(version, "refused", String.format(INDONESIAN,
                        "Akurasi turun dari %.3f ke %.3f (batas penurunan %s); model lama tetap dipakai.",
                        baseline.accuracy(), candidate.accuracy(), decimal(maxAccuracyDrop)));
                LOG.info("NLU retraining {} refused: accuracy {} -> {} ({} examples, {} ms)", version,
                        round(baseline.accuracy()), round(candidate.accuracy()), data.size(), millis(started));
                return version;
            }
            enter(Phase.TRAINING);
            IntentModel model = NluModels.train(data, seed.normaliser(), TrainingSettings.CHOSEN);
            runs.finishServing(version, bytes(model), String.format(INDONESIAN,
                    "Akurasi %.3f (model sebelumnya %.3f), akurasi topik %.3f, pengenalan di luar topik %.3f; model baru dipakai.",
                    candidate.accuracy(), baseline.accuracy(), candidate.inScopeAccuracy(), candidate.oosRecall()));
            classifier.offer(new NluService(seed.normaliser(), model, policy, "nlu_models version " + version), version);
            LOG.info("NLU retraining {} in service: accuracy {} -> {} ({} examples, {} ms)", version,
                    round(baseline.accuracy()), round(candidate.accuracy()), data.size(), millis(started));
            return version;
        } catch (RuntimeException e) {
            runs.finish(version, "failed", "Pelatihan gagal (" + Failures.describe(e) + "); model lama tetap dipakai.");
            LOG.error("NLU retraining {} failed: {}", version, Failures.describe(e));
            return version;
        }
    }

    /**
     * How many training lines one admin example counts as: it is a real question an admin checked, and a single one
     * must be able to change how that question is understood among some 2,400 written lines.
     */
    static final int ADMIN_EXAMPLE_WEIGHT = 5;

    /** The training file plus the database examples; examples that normalise to nothing would only fail training. */
    private List<LabelledText> trainingData(NluModels.Data seed) {
        List<LabelledText> data = new ArrayList<>(seed.examples());
        int skipped = 0;
        for (TrainingExample example : examples.list()) {
            if (seed.normaliser().tokens(example.text()).isEmpty()) {
                skipped++;
            } else {
                for (int copy = 0; copy < ADMIN_EXAMPLE_WEIGHT; copy++) {
                    data.add(new LabelledText(example.intentKey(), example.text(), 0));
                }
            }
        }
        if (skipped > 0) {
            LOG.warn("{} training example(s) without words were left out", skipped);
        }
        return data;
    }

    /** The serving model's recorded figures; for the seed, computed once per database (and file version) and recorded. */
    private Figures servingFigures(ReloadableClassifier.Serving serving, NluModels.Data seed, DecisionPolicy policy) {
        if (serving.version() != ReloadableClassifier.SEED_VERSION) {
            return runs.find(serving.version()).flatMap(ModelRun::figures)
                    .orElseThrow(() -> new IllegalStateException("serving model version has no figures"));
        }
        Optional<Figures> recorded = runs.seedFigures(seed.hash()).flatMap(ModelRun::figures);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        enter(Phase.CROSS_VALIDATING);
        Figures figures = SEED_FIGURES.computeIfAbsent(seed.hash() + "/" + folds + "/" + policy, key ->
                Figures.of(CrossValidation.run(seed.examples(), seed.normaliser(), TrainingSettings.CHOSEN, policy, folds)));
        runs.insertSeedFigures(seed.hash(), seed.examples().size(), figures.accuracy(), figures.inScopeAccuracy(),
                figures.oosRecall(), "Model awal dari berkas pelatihan (nilai validasi silang sebagai pembanding).");
        return figures;
    }

    private void enter(Phase next) {
        phase = next;
        since = Instant.now();
    }

    private static byte[] bytes(IntentModel model) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
            model.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the NLU model", e);
        }
    }

    /** What the model was trained from: the files' hash and every example, so identical data hash identically. */
    static String hash(String seedHash, List<LabelledText> data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(seedHash.getBytes(StandardCharsets.UTF_8));
            for (LabelledText example : data) {
                digest.update(("\n" + example.intent() + "\t" + example.text()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** "0,01" rather than "0.01": the reason is read by Indonesian admins. */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Waits up to 30 s for a running run to end; a run cut short is marked failed by the next one. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
