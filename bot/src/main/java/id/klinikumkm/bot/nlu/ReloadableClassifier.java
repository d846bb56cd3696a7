package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.conversation.Interpretation;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The classifier the conversation uses, whose model can be replaced while it answers: a retrained model from
 * {@link Retrainer} or from another instance ({@link ModelWatcher}). Each message is interpreted by one model from
 * start to end (the reference is read once), and a model only ever gives way to a newer version, so the retrainer
 * and the watcher can offer the same model in either order. Thread-safe.
 */
public final class ReloadableClassifier implements IntentClassifier {
    /** The version of the model built from the files in {@code nlu.models.dir} (the seed); database versions are larger. */
    public static final long SEED_VERSION = 0;

    /** A model in service and its {@code nlu_models} version. */
    public record Serving(NluService service, long version) {}

    private final AtomicReference<Serving> serving;
    private final String seedHash;

    /**
     * @param seed the model built from the training files
     * @param seedHash the hash of those files ({@link NluModels.Data#hash()}); database models trained on other
     *     files are not loaded
     */
    public ReloadableClassifier(NluService seed, String seedHash) {
        this.serving = new AtomicReference<>(new Serving(Objects.requireNonNull(seed, "seed"), SEED_VERSION));
        this.seedHash = Objects.requireNonNull(seedHash, "seedHash");
    }

    /** The seed model from {@code nlu.models.dir}, as {@link NluModels#open} builds it. */
    public static ReloadableClassifier fromFiles(AppConfig.Nlu config) {
        NluModels.Data data = NluModels.read(config.modelsDir());
        return new ReloadableClassifier(NluModels.open(config, data), data.hash());
    }

    @Override
    public Interpretation interpret(String text) {
        return serving.get().service().interpret(text);
    }

    public Serving serving() {
        return serving.get();
    }

    /** The {@code nlu_models} version in service, {@link #SEED_VERSION} for the model from the files. */
    public long version() {
        return serving.get().version();
    }

    public String seedHash() {
        return seedHash;
    }

    /**
     * Puts a model into service unless the one serving is as new or newer.
     *
     * @return true when it was swapped in
     */
    public boolean offer(NluService service, long version) {
        Serving candidate = new Serving(Objects.requireNonNull(service, "service"), version);
        Serving before = serving.getAndUpdate(current -> version > current.version() ? candidate : current);
        return version > before.version();
    }
}
