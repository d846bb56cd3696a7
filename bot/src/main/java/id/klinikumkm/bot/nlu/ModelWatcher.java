package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.logging.Failures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance on the newest model in service in {@code nlu_models}, so that a model retrained on any
 * instance is served by all of them within {@code nlu.model.poll.seconds}. The files' model is only the seed:
 * {@link #start()} first loads the newest database model, if any, before the instance answers.
 *
 * <p>Only models trained on top of the same training files ({@link ReloadableClassifier#seedHash()}) are loaded: after
 * a release with new training files the files' model serves until an admin retrains, rather than an older model
 * that never saw the new data.
 */
public final class ModelWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);

    private final ReloadableClassifier classifier;
    private final NluModelsDao runs;
    private final Duration interval;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nlu-model-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public ModelWatcher(ReloadableClassifier classifier, NluModelsDao runs, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.interval = interval;
    }

    public static ModelWatcher create(AppConfig.Nlu config, ReloadableClassifier classifier, NluModelsDao runs) {
        return new ModelWatcher(classifier, runs, Duration.ofSeconds(config.modelPollSeconds()));
    }

    /** Loads the newest database model now (so start-up serves it), then checks again every interval. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        checkNow();
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::checkNow, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Swaps in the newest model in service if it is newer than the one loaded. Never throws: a database that is
     * briefly unreachable or a model that cannot be read leaves the current model serving, and the next check tries again.
     *
     * @return true when a model was swapped in
     */
    public boolean checkNow() {
        try {
            Optional<ModelRun> newest = runs.newestServing(classifier.seedHash());
            if (newest.isEmpty() || newest.get().version() <= classifier.version()) {
                return false;
            }
            long version = newest.get().version();
            NluService current = classifier.serving().service();
            IntentModel model = IntentModel.load(new ByteArrayInputStream(runs.model(version)));
            boolean swapped = classifier.offer(new NluService(current.normaliser(), model, current.policy(),
                    "nlu_models version " + version), version);
            if (swapped) {
                LOG.info("NLU model version {} loaded from the database ({} intents)", version, model.keys().size());
            }
            return swapped;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Checking for a newer NLU model failed; the current model keeps serving: {}", Failures.describe(e));
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
