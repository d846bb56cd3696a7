package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.testing.RepoFiles;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retraining with admins' examples on the real training data: a new example is learned, contradictory examples are
 * refused, and a second instance on the same database follows. A retraining run takes tens of seconds, so the
 * successful run is made once and shared by the tests that look at its result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedRetrainingIT {
    /** Today this falls back as out of scope; the clinic wants it answered as "which permits do I need". */
    private static final String QUESTION = "rengginang sy mau masuk minimarket, surat2nya apa aja min?";
    private static final String TOPIC = "legal.start";
    private static final List<String> EXAMPLES = List.of(
            QUESTION,
            "min rengginang saya mau dititipkan ke minimarket, surat-suratnya apa saja?",
            "keripik sy mau masuk minimarket, surat2 nya apa aja ya min?");

    private AppConfig.Nlu config;
    private NluModels.Data seedData;
    private NluService seed;
    private final Map<String, Retrained> retrained = new ConcurrentHashMap<>();
    private final List<AutoCloseable> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** One instance of the bot's NLU on a database: what Application wires. */
    private record Instance(ReloadableClassifier classifier, Retrainer retrainer, ModelWatcher watcher,
                            TrainingExamples examples, NluModelsDao runs) {}

    /** The shared successful run on one server. */
    private record Retrained(String url, Instance first, Instance second, Interpretation before, ModelRun run,
                             long secondInstanceMillis) {}

    @BeforeAll
    void load_the_seed_model_once() {
        // Two folds keep the suite fast; the guard works the same with the shipped three.
        config = new AppConfig.Nlu(RepoFiles.nlpModels(), 0.6, 0.2, 0.3, 2, AppConfig.Nlu.DEFAULT_MAX_ACCURACY_DROP,
                AppConfig.Nlu.DEFAULT_MODEL_POLL_SECONDS);
        seedData = NluModels.read(config.modelsDir());
        seed = NluModels.open(config, seedData);
    }

    @AfterAll
    void close_everything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    static Stream<TestDatabases.Target> servers() {
        return TestDatabases.all();
    }

    /**
     * The runs that train on the real data take tens of seconds each, so they go to one server: the machine's own
     * when there is one, else the embedded one. A failed run, and a model stored and followed, on every server are
     * {@link TinyRetrainingIT}'s, with a tiny data set.
     */
    static Stream<TestDatabases.Target> oneServer() {
        return Stream.of(TestDatabases.external().orElseGet(TestDatabases::embedded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneServer")
    void an_example_added_by_an_admin_is_learned_by_the_next_model(TestDatabases.Target server) {
        Retrained result = retrainedOn(server);

        assertThat(DecisionPolicy.label(result.before().decision(), result.before().top())).as("before retraining").isNotEqualTo(TOPIC);
        assertEquals("serving", result.run().status(), result.run().reason());
        assertThat(result.run().reason()).contains("model baru dipakai");
        assertEquals(result.run().version(), result.first().classifier().version());
        Interpretation after = result.first().classifier().interpret(QUESTION);
        assertEquals(TOPIC, after.top().get(0).key(), after.toString());
        assertEquals(Decision.ANSWER, after.decision(), after.toString());
        assertThat(result.run().exampleCount()).isEqualTo(seedData.examples().size() + EXAMPLES.size() * Retrainer.ADMIN_EXAMPLE_WEIGHT);
        // The session-level advisory lock went back with the connection it was taken on.
        assertEquals(0, Sql.count(result.url(), "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        Retrainer.Status status = result.first().retrainer().status(5);
        assertEquals(Retrainer.Phase.DONE, status.phase());
        assertEquals(result.run().version(), status.runs().get(0).version());
        assertThat(status.runs()).anyMatch(run -> "seed".equals(run.trainedBy()) && run.figures().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneServer")
    void a_second_instance_on_the_same_database_serves_the_new_model_within_five_seconds(TestDatabases.Target server) {
        Retrained result = retrainedOn(server);

        assertThat(result.secondInstanceMillis()).as("ms until the second instance served the new model").isBetween(0L, 5_000L);
        assertEquals(result.run().version(), result.second().classifier().version());
        assertEquals(TOPIC, result.second().classifier().interpret(QUESTION).top().get(0).key());

        // A third instance starting now serves the database model from the start, not the files' seed.
        Instance third = instance(result.url(), Duration.ofSeconds(3));
        third.watcher().start();
        assertEquals(result.run().version(), third.classifier().version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneServer")
    void contradictory_examples_are_refused_with_a_reason_and_the_old_model_keeps_serving(TestDatabases.Target server) throws Exception {
        Instance instance = instance(server.freshDatabaseUrl(), Duration.ofSeconds(3));
        List<LabelledText> probes = IntentDataFile.read(config.modelsDir().resolve(NluModels.TEST_FILE)).subList(0, 60);
        List<Interpretation> before = probes.stream().map(p -> instance.classifier().interpret(p.text())).toList();
        // 150 out-of-scope lines from the training file, claimed to be questions about halal costs.
        seedData.examples().stream().filter(e -> "out_of_scope".equals(e.intent())).limit(150)
                .forEach(e -> instance.examples().add("halal.cost", e.text(), "admin", OptionalLong.empty()));

        ModelRun run = instance.retrainer().start("admin").orElseThrow().get(5, TimeUnit.MINUTES).orElseThrow();

        assertEquals("refused", run.status());
        assertThat(run.reason()).startsWith("Akurasi turun dari 0,").contains("(batas penurunan 0,01); model lama tetap dipakai.");
        double serving = instance.retrainer().status(5).runs().stream().filter(r -> "seed".equals(r.trainedBy()))
                .findFirst().orElseThrow().accuracy();
        assertThat(run.accuracy()).as("candidate vs serving accuracy").isLessThan(serving - 0.01);
        assertEquals(ReloadableClassifier.SEED_VERSION, instance.classifier().version());
        assertEquals(before, probes.stream().map(p -> instance.classifier().interpret(p.text())).toList());
        assertThat(instance.watcher().checkNow()).as("a refused run puts no model in service").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_run_is_declined_while_another_instance_holds_the_retraining_lock(TestDatabases.Target server) throws Exception {
        String url = server.freshDatabaseUrl();
        Instance instance = instance(url, Duration.ofSeconds(3));
        try (var other = java.sql.DriverManager.getConnection(url); var statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('klinik.nlu.retrain'))");

            var result = instance.retrainer().start("admin").orElseThrow().get(1, TimeUnit.MINUTES);

            assertThat(result).isEmpty();
            assertThat(instance.retrainer().status(5).notice()).contains("server lain");
            assertEquals(0, Sql.count(url, "SELECT count(*) FROM nlu_models"));
        }
    }

    private Retrained retrainedOn(TestDatabases.Target server) {
        return retrained.computeIfAbsent(server.name(), name -> retrain(server.freshDatabaseUrl()));
    }

    private Retrained retrain(String url) {
        Instance first = instance(url, Duration.ofSeconds(3));
        Instance second = instance(url, Duration.ofSeconds(AppConfig.Nlu.DEFAULT_MODEL_POLL_SECONDS));
        second.watcher().start();
        Interpretation before = first.classifier().interpret(QUESTION);
        for (String text : EXAMPLES) {
            first.examples().add(TOPIC, text, "admin", OptionalLong.empty());
        }
        try {
            long started = System.nanoTime();
            ModelRun run = first.retrainer().start("admin").orElseThrow().get(5, TimeUnit.MINUTES).orElseThrow();
            System.out.printf("retraining on %s took %d ms: %s%n", url.replaceAll("\\?.*", ""), (System.nanoTime() - started) / 1_000_000, run.reason());
            long finished = System.nanoTime();
            while (second.classifier().version() != run.version() && System.nanoTime() - finished < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(50);
            }
            long millis = second.classifier().version() == run.version() ? (System.nanoTime() - finished) / 1_000_000 : -1;
            return new Retrained(url, first, second, before, run, millis);
        } catch (Exception e) {
            throw new AssertionError("retraining did not finish", e);
        }
    }

    /** A fresh instance on the database, wired as Application wires it, serving the files' model. */
    private Instance instance(String url, Duration poll) {
        Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db());
        opened.add(database);
        var classifier = new ReloadableClassifier(seed, seedData.hash());
        var examples = new TrainingExamples(database.jdbi().onDemand(TrainingExamplesDao.class));
        NluModelsDao runs = database.jdbi().onDemand(NluModelsDao.class);
        var retrainer = Retrainer.create(config, classifier, examples, runs);
        var watcher = new ModelWatcher(classifier, runs, poll);
        opened.add(0, retrainer);
        opened.add(0, watcher);
        return new Instance(classifier, retrainer, watcher, examples, runs);
    }
}
