package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retraining run that fails ends as a failed row with a reason, the old model keeps serving, and the retrainer
 * takes the next request. Made cheap with a tiny data set and more folds than examples, which cross-validation refuses.
 */
class RetrainerFailureIT {
    @TempDir
    Path modelsDir;

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_failing_run_is_recorded_as_failed_and_the_old_model_keeps_serving(TestDatabases.Target server) throws Exception {
        Files.writeString(modelsDir.resolve(NluModels.TRAIN_FILE), """
                legal.pirt\tcara buat pirt
                legal.pirt\tdaftar pirt dimana
                out_of_scope\tresep rendang
                out_of_scope\tjual motor bekas
                """);
        Files.writeString(modelsDir.resolve(NluModels.LEXICON_FILE), "gmn\tbagaimana\n");
        NluModels.Data data = NluModels.read(modelsDir);
        NluService seed = new NluService(data.normaliser(), NluModels.train(data.examples(), data.normaliser(), TrainingSettings.CHOSEN),
                new DecisionPolicy(0.6, 0.2, 0.3), "tiny");
        String url = server.freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            // The seed's figures are on record, so the run gets as far as cross-validating the candidate.
            Sql.execute(url, "INSERT INTO nlu_models (data_hash, seed_hash, example_count, accuracy, in_scope_accuracy,"
                    + " oos_recall, status, trained_by) VALUES ('" + data.hash() + "', '" + data.hash() + "', 4, 0.9, 0.9, 0.9,"
                    + " 'serving', 'seed')");
            var classifier = new ReloadableClassifier(seed, data.hash());
            NluModelsDao runs = database.jdbi().onDemand(NluModelsDao.class);
            try (var retrainer = new Retrainer(classifier, new TrainingExamples(database.jdbi().onDemand(TrainingExamplesDao.class)),
                    runs, modelsDir, 10, 0.01)) {

                ModelRun run = retrainer.start("admin").orElseThrow().get(1, TimeUnit.MINUTES).orElseThrow();

                assertEquals("failed", run.status());
                assertThat(run.reason()).startsWith("Pelatihan gagal (IllegalArgumentException").endsWith("model lama tetap dipakai.");
                assertEquals(ReloadableClassifier.SEED_VERSION, classifier.version());
                assertThat(classifier.serving().service()).isSameAs(seed);
                assertThat(retrainer.start("admin")).as("the retrainer takes the next request").isPresent();
            }
        }
    }
}
