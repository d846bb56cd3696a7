package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.klinikumkm.bot.testing.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written BM25 of {@link NearestExamples} against Lucene's {@code BM25Similarity} on the project's data:
 * the training file normalised as the service normalises it, every line of the test file as a query.
 *
 * <p>Lucene leaves out the constant factor k1 + 1, computes in float, and stores a document's length in one byte
 * ({@code SmallFloat.intToByte4}: exact up to 40 words, longer ones rounded down), so an example of more than 40
 * words would score a little higher there. The tolerance is float rounding plus the most that the rounding of
 * lengths can change a score on these examples (nothing while none is longer than 40 words): a wrong idf, length
 * normalisation or word count moves scores by far more.
 */
class NearestExamplesLuceneTest {
    /** Lucene computes in float: about 1e-7 per operation. */
    private static final double FLOAT_ROUNDING = 1e-5;

    private static NearestExamples nearest;
    private static LuceneBestPerIntent lucene;
    private static List<String> keys;
    private static List<String> intents;
    private static List<List<String>> examples;
    private static List<List<String>> queries;
    private static double tolerance;

    @BeforeAll
    static void index_the_training_examples_twice() {
        NluModels.Data data = NluModels.read(RepoFiles.nlpModels());
        intents = new ArrayList<>();
        examples = new ArrayList<>();
        for (LabelledText example : data.examples()) {
            intents.add(example.intent());
            examples.add(data.normaliser().tokens(example.text()));
        }
        keys = intents.stream().distinct().sorted().toList();
        nearest = new NearestExamples(keys, intents, examples);
        lucene = new LuceneBestPerIntent(keys, intents, examples);
        queries = IntentDataFile.read(RepoFiles.nlpModels().resolve(NluModels.TEST_FILE)).stream()
                .map(line -> data.normaliser().tokens(line.text())).filter(tokens -> !tokens.isEmpty()).toList();
        tolerance = FLOAT_ROUNDING + lengthRounding(examples);
    }

    /**
     * The largest relative change of one word's score tf / (tf + k1 (1 - b + b len / avg)) when len is the length
     * Lucene stores instead of the true one (tf at least 1; a score is a sum of such terms times weights).
     */
    private static double lengthRounding(List<List<String>> examples) {
        double average = examples.stream().mapToInt(List::size).average().orElse(1);
        double worst = 0;
        for (List<String> example : examples) {
            int stored = SmallFloat.byte4ToInt(SmallFloat.intToByte4(example.size()));
            double exact = NearestExamples.K1 * (1 - NearestExamples.B + NearestExamples.B * example.size() / average);
            double rounded = NearestExamples.K1 * (1 - NearestExamples.B + NearestExamples.B * stored / average);
            worst = Math.max(worst, (exact - rounded) / (1 + rounded));
        }
        return worst;
    }

    @AfterAll
    static void close() throws Exception {
        lucene.close();
    }

    @Test
    void every_intents_best_score_is_lucenes_bm25_score() {
        int scores = 0;
        double largest = 0;
        String worst = "";
        for (List<String> query : queries) {
            double[] ours = nearest.bestScores(query);
            double[] theirs = lucene.bestScores(query);
            for (int k = 0; k < keys.size(); k++) {
                double reference = (NearestExamples.K1 + 1) * theirs[k];
                String where = keys.get(k) + " for '" + String.join(" ", query) + "'";
                assertThat(ours[k] > 0).as("whether any example of %s shares a word", where).isEqualTo(theirs[k] > 0);
                if (reference == 0) {
                    continue;
                }
                double relative = Math.abs(ours[k] - reference) / reference;
                assertThat(relative).as("relative difference to Lucene's score of %s: %.6f against %.6f", where, ours[k], reference)
                        .isLessThanOrEqualTo(tolerance);
                scores++;
                if (relative > largest) {
                    largest = relative;
                    worst = where;
                }
            }
        }
        System.out.printf(Locale.ROOT, "NearestExamplesLuceneTest: %d queries, %d intent scores, largest relative difference %.1e"
                + " (%s), tolerance %.1e%n", queries.size(), scores, largest, worst, tolerance);
        assertThat(queries).hasSizeGreaterThan(500);
    }

    @Test
    void the_best_intent_is_lucenes_unless_the_two_best_are_within_the_tolerance() {
        int compared = 0;
        for (List<String> query : queries) {
            double[] ours = nearest.bestScores(query);
            double[] theirs = lucene.bestScores(query);
            int top = argmax(ours);
            double second = 0;
            for (int k = 0; k < ours.length; k++) {
                if (k != top) {
                    second = Math.max(second, ours[k]);
                }
            }
            if (ours[top] > (1 + 2 * tolerance) * second) {
                compared++;
                assertThat(keys.get(argmax(theirs))).as("best intent for '%s'", String.join(" ", query)).isEqualTo(keys.get(top));
            }
        }
        assertThat(compared).as("queries with a clear best intent").isGreaterThan(queries.size() / 2);
    }

    @Test
    void a_training_example_is_a_perfect_match_for_its_intent() {
        // The divisor of similarities() is the message scored as if it were one of the examples.
        for (int d = 0; d < examples.size(); d++) {
            double similarity = nearest.similarities(examples.get(d))[keys.indexOf(intents.get(d))];
            assertThat(similarity).as("similarity of '%s' to its own intent", String.join(" ", examples.get(d))).isCloseTo(1.0, within(1e-6));
        }
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
