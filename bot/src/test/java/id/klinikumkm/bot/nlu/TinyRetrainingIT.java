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
 * Retraining runs made cheap with a tiny data set, on every PostgreSQL server: a run that fails ends as a failed
 * row with a reason, the old model keeps serving, and the retrainer takes the next request (more folds than
 * examples, which cross-validation refuses); a run that succeeds stores its model, which another instance on the
 * same database then serves. {@link GuardedRetrainingIT} trains on the real data, on one server.
 */
class TinyRetrainingIT {
    @TempDir
    Path modelsDir;

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_failing_run_is_recorded_as_failed_and_the_old_model_keeps_serving(TestDatabases.Target server) throws Exception {
        NluModels.Data data = tinyData();
        NluService seed = tinyModel(data);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_successful_run_stores_its_model_and_a_second_instance_serves_it(TestDatabases.Target server) throws Exception {
        NluModels.Data data = tinyData();
        String url = server.freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            NluModelsDao runs = database.jdbi().onDemand(NluModelsDao.class);
            var first = new ReloadableClassifier(tinyModel(data), data.hash());
            var second = new ReloadableClassifier(tinyModel(data), data.hash());
            var examples = new TrainingExamples(database.jdbi().onDemand(TrainingExamplesDao.class));
            examples.add("legal.pirt", "mau urus pirt gmn", "admin", java.util.OptionalLong.empty());
            // Any accuracy beats a drop of 1.0: this run is accepted whatever two folds of nine lines give.
            try (var retrainer = new Retrainer(first, examples, runs, modelsDir, 2, 1.0)) {

                ModelRun run = retrainer.start("admin").orElseThrow().get(1, TimeUnit.MINUTES).orElseThrow();

                assertEquals("serving", run.status(), run.reason());
                assertEquals(run.version(), first.version());
                assertThat(new ModelWatcher(second, runs, java.time.Duration.ofSeconds(60)).checkNow())
                        .as("the second instance loads the stored model").isTrue();
                assertEquals(run.version(), second.version());
                assertEquals(first.interpret("mau urus pirt gmn").top().get(0).key(),
                        second.interpret("mau urus pirt gmn").top().get(0).key());
            }
        }
    }

    private NluModels.Data tinyData() throws IOException {
        Files.writeString(modelsDir.resolve(NluModels.TRAIN_FILE), """
                legal.pirt\tcara buat pirt
                legal.pirt\tdaftar pirt dimana
                out_of_scope\tresep rendang
                out_of_scope\tjual motor bekas
                """);
        Files.writeString(modelsDir.resolve(NluModels.LEXICON_FILE), "gmn\tbagaimana\n");
        return NluModels.read(modelsDir);
    }

    private static NluService tinyModel(NluModels.Data data) {
        return new NluService(data.normaliser(), NluModels.train(data.examples(), data.normaliser(), TrainingSettings.CHOSEN),
                new DecisionPolicy(0.6, 0.2, 0.3), "tiny");
    }
}
