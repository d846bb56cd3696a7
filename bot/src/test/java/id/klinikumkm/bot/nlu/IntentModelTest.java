package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A tiny model trained inside the test, as OpenNLP's own DocumentCategorizerMETest does. */
class IntentModelTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.parse(List.of("gmn\tbagaimana", "brp\tberapa", "bikin\tbuat"), "test");
    private static final List<LabelledText> EXAMPLES = List.of(
            new LabelledText("legal.nib.register", "cara bikin nib", 1),
            new LabelledText("legal.nib.register", "gmn daftar nib di oss", 2),
            new LabelledText("legal.nib.register", "langkah membuat nib", 3),
            new LabelledText("legal.nib.cost", "biaya nib brp", 4),
            new LabelledText("legal.nib.cost", "nib bayar atau gratis", 5),
            new LabelledText("legal.nib.cost", "berapa biaya bikin nib", 6),
            new LabelledText("out_of_scope", "resep sambal bawang", 7),
            new LabelledText("out_of_scope", "cuaca besok hujan", 8),
            new LabelledText("out_of_scope", "jadwal sepak bola", 9));

    @Test
    void learns_the_examples_and_tolerates_typos() {
        IntentModel model = NluModels.train(EXAMPLES, NORMALISER, TrainingSettings.CHOSEN);
        NluService service = new NluService(NORMALISER, model, new DecisionPolicy(0, 0, 0), "test");

        assertThat(service.interpret("gmn bikin nib?").topIntent()).isEqualTo("legal.nib.register");
        assertThat(service.interpret("BIAYAA NIB BRP").topIntent()).isEqualTo("legal.nib.cost");
        assertThat(service.interpret("resepnya sambel").topIntent()).isEqualTo("out_of_scope");
        assertThat(service.interpret("gmn bikin nib?").top()).hasSize(3);
        assertThat(model.keys()).containsExactlyInAnyOrder("legal.nib.register", "legal.nib.cost", "out_of_scope");
    }

    @Test
    void saved_and_loaded_model_scores_exactly_the_same() throws Exception {
        IntentModel model = NluModels.train(EXAMPLES, NORMALISER, TrainingSettings.CHOSEN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        IntentModel loaded = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));

        List<String> tokens = NORMALISER.tokens("nib gratis gak");
        assertThat(loaded.keys()).isEqualTo(model.keys());
        assertThat(loaded.probabilities(tokens)).containsExactly(model.probabilities(tokens));
    }

    @Test
    void concurrent_callers_get_the_same_answers_as_one_caller() throws Exception {
        NluService service = new NluService(NORMALISER, NluModels.train(EXAMPLES, NORMALISER, TrainingSettings.CHOSEN),
                new DecisionPolicy(0.5, 0.2, 0.3), "test");
        List<String> texts = List.of("gmn bikin nib", "biaya nib brp", "resep sambal", "nib gratis?", "cuaca hujan");
        List<Interpretation> expected = texts.stream().map(service::interpret).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!service.interpret(texts.get(i % texts.size())).equals(expected.get(i % texts.size()))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_message_without_words_falls_back_without_asking_the_model() {
        IntentModel model = NluModels.train(EXAMPLES, NORMALISER, TrainingSettings.CHOSEN);
        NluService service = new NluService(NORMALISER, model, new DecisionPolicy(0.5, 0.2, 0.3), "test");
        var meaning = service.interpret("🤔🤔 ???");
        assertThat(meaning.decision()).isEqualTo(Decision.FALLBACK);
        assertThat(meaning.top()).isEmpty();
        assertThat(meaning.normalisedText()).isEmpty();
    }

    @Test
    void word_features_include_pairs_in_order_and_char_features_mark_word_edges() {
        assertThat(new WordNgramFeatures().extractFeatures(new String[] {"biaya", "nib"}, java.util.Map.of()))
                .contains("w=biaya", "w=nib", "b=biaya_nib", "b=^_biaya", "b=nib_$");
        assertThat(new CharNgramFeatures().extractFeatures(new String[] {"halal", "nib", "di", "#num"}, java.util.Map.of()))
                .contains("c=<ha", "c=lal>", "c=halal", "c=<nib>")
                .noneMatch(feature -> feature.contains("di") || feature.contains("num"));
    }

    @Test
    void focus_features_mark_the_words_after_the_last_turn_word() {
        String[] twoTopics = {"nib", "sudah", "punya", "sekarang", "mau", "daftar", "halal"};
        assertThat(new WordNgramFeatures(true).extractFeatures(twoTopics, java.util.Map.of()))
                .contains("f=mau", "f=daftar", "f=halal").doesNotContain("f=nib", "f=sekarang");
        assertThat(WordNgramFeatures.focusStart(new String[] {"pirt", "sudah", "tapi", "label", "terus", "gizi"})).isEqualTo(5);
        assertThat(new WordNgramFeatures(true).extractFeatures(new String[] {"cara", "daftar", "halal"}, java.util.Map.of()))
                .noneMatch(feature -> feature.startsWith("f="));
        assertThat(new WordNgramFeatures(false).extractFeatures(twoTopics, java.util.Map.of()))
                .noneMatch(feature -> feature.startsWith("f="));
        assertThat(new WordNgramFeatures().extractFeatures(twoTopics, java.util.Map.of())).as("the shipped features").contains("f=halal");
    }

    @Test
    void the_clause_asked_about_is_classified_on_its_own_too() {
        List<LabelledText> examples = new ArrayList<>(EXAMPLES);
        examples.add(new LabelledText("halal.register", "cara daftar halal", 10));
        examples.add(new LabelledText("halal.register", "mau urus sertifikat halal", 11));
        examples.add(new LabelledText("halal.register", "daftar halal gimana", 12));
        IntentModel model = NluModels.train(examples, NORMALISER, TrainingSettings.CHOSEN);
        List<String> twoTopics = NORMALISER.tokens("nib sudah punya sekarang mau daftar halal");
        List<String> asked = twoTopics.subList(4, twoTopics.size());

        double[] plain = model.probabilities(twoTopics, 0.65, 5, true, 0);
        double[] focused = model.probabilities(twoTopics);
        int halal = model.keys().indexOf("halal.register");
        assertThat(focused[halal]).isGreaterThan(plain[halal]);
        assertThat(java.util.Arrays.stream(focused).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(asked).containsExactly("mau", "daftar", "halal");
        // Without a turn word nothing changes.
        List<String> oneTopic = NORMALISER.tokens("cara bikin nib");
        assertThat(model.probabilities(oneTopic)).containsExactly(model.probabilities(oneTopic, 0.65, 5, true, 0));
    }

    @Test
    void nearest_examples_score_the_best_example_of_each_intent_relative_to_the_message_itself() {
        NearestExamples nearest = new NearestExamples(List.of("a", "b", "c"), List.of("a", "a", "b"), List.of(
                List.of("matur", "suwun", "nggih"), List.of("terima", "kasih"), List.of("cara", "daftar", "nib")));

        double[] copy = nearest.similarities(List.of("cara", "daftar", "nib"));
        assertThat(copy[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(copy[0]).isZero();
        assertThat(copy[2]).as("an intent without examples").isZero();
        double[] partial = nearest.similarities(List.of("matur", "suwun", "sanget"));
        assertThat(partial[0]).isBetween(0.3, 0.99);
        double[] distribution = nearest.distribution(List.of("matur", "suwun", "sanget"), 10);
        assertThat(java.util.Arrays.stream(distribution).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(distribution[0]).isGreaterThan(distribution[1]).isGreaterThan(0.5);
        assertThat(nearest.similarities(List.of("resep", "rendang"))).containsOnly(0.0);
    }

    @Test
    void the_mixed_model_saves_its_examples_and_weight_and_a_bare_opennlp_model_still_loads() throws Exception {
        TrainingSettings mixed = TrainingSettings.CHOSEN.withNearest(0.5, 10, false);
        IntentModel model = NluModels.train(EXAMPLES, NORMALISER, mixed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        IntentModel loaded = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));
        List<String> tokens = NORMALISER.tokens("nib gratis gak");
        assertThat(loaded.probabilities(tokens)).containsExactly(model.probabilities(tokens));
        assertThat(model.probabilities(tokens)).isNotEqualTo(model.maxentProbabilities(tokens));

        // A model file from before the nearest-example signal: the OpenNLP model alone.
        int start = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("PK\u0003\u0004");
        byte[] zip = java.util.Arrays.copyOfRange(bytes.toByteArray(), start, bytes.size());
        IntentModel bare = IntentModel.load(new ByteArrayInputStream(zip));
        assertThat(bare.probabilities(tokens)).containsExactly(model.maxentProbabilities(tokens));
    }
}
