package id.klinikumkm.bot.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second signal next to the maximum-entropy model: how close a message is to the nearest training example of
 * each intent, by Okapi BM25 over the normalised words (k1 1.2, b 0.75, the defaults of Lucene's
 * {@code BM25Similarity}). It degrades differently from the maxent model: one training example that shares the
 * rare words of a message is enough ("matur suwun sanget" next to "matur suwun nggih"), whereas maxent weighs
 * every feature against all the data.
 *
 * <p>Scores become a distribution over the intents: the best BM25 score of each intent is divided by the score the
 * message would get against itself (1 for an exact copy of a training example) and passed through a softmax with
 * sharpness {@code beta}. An intent with no matching example gets similarity 0.
 *
 * <p>Written here rather than with Lucene because Lucene is about twelve times slower on these few thousand short
 * examples: about 60 µs a message against 5, where the whole classifier path takes about 33 µs
 * (nlp-models/README.md has the comparison). {@code NearestExamplesLuceneTest} checks the scores against Lucene's
 * {@code BM25Similarity}. Immutable and thread-safe.
 */
public final class NearestExamples {
    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<String> keys;
    private final int[] intentOf;
    private final float[] lengthNorm;
    private final Map<String, Postings> postings;
    private final double averageLength;

    private record Postings(double idf, int[] docs, int[] freqs) {}

    /**
     * @param keys the intents, in the order of the model's probabilities
     * @param intents each example's intent (one of {@code keys})
     * @param tokens each example's normalised words
     */
    public NearestExamples(List<String> keys, List<String> intents, List<List<String>> tokens) {
        if (intents.size() != tokens.size()) {
            throw new IllegalArgumentException("one intent per example expected");
        }
        this.keys = List.copyOf(keys);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        int n = tokens.size();
        intentOf = new int[n];
        lengthNorm = new float[n];
        long total = 0;
        for (List<String> doc : tokens) {
            total += doc.size();
        }
        averageLength = n == 0 ? 1 : Math.max(1, (double) total / n);
        Map<String, List<int[]>> byTerm = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            Integer intent = index.get(intents.get(d));
            if (intent == null) {
                throw new IllegalArgumentException("unknown intent " + intents.get(d));
            }
            intentOf[d] = intent;
            List<String> doc = tokens.get(d);
            lengthNorm[d] = (float) (K1 * (1 - B + B * doc.size() / averageLength));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String term : doc) {
                counts.merge(term, 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                byTerm.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new int[] {d, e.getValue()});
            }
        }
        Map<String, Postings> built = new HashMap<>(byTerm.size() * 2);
        for (Map.Entry<String, List<int[]>> e : byTerm.entrySet()) {
            List<int[]> list = e.getValue();
            int[] docs = new int[list.size()];
            int[] freqs = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                docs[i] = list.get(i)[0];
                freqs[i] = list.get(i)[1];
            }
            built.put(e.getKey(), new Postings(idf(list.size(), n), docs, freqs));
        }
        postings = Map.copyOf(built);
    }

    /** Lucene's BM25 idf: never negative. */
    private static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    public List<String> keys() {
        return keys;
    }

    /**
     * For each intent (in the order of {@link #keys()}), the BM25 score of its best-matching example divided by the
     * message's score against itself: from 0 (no shared word) to about 1 (the same words).
     */
    public double[] similarities(List<String> query) {
        double[] best = new double[keys.size()];
        if (query.isEmpty() || intentOf.length == 0) {
            return best;
        }
        double self = score(query, best);
        for (int k = 0; k < best.length; k++) {
            best[k] = Math.min(1.0, best[k] / self);
        }
        return best;
    }

    /** Each intent's best BM25 score itself, not divided by the message's own: for checking against Lucene. */
    double[] bestScores(List<String> query) {
        double[] best = new double[keys.size()];
        if (!query.isEmpty() && intentOf.length > 0) {
            score(query, best);
        }
        return best;
    }

    /** Fills {@code best} with each intent's best BM25 score and returns the message's score against itself. */
    private double score(List<String> query, double[] best) {
        double[] scores = new double[intentOf.length];
        double self = 0;
        double queryNorm = K1 * (1 - B + B * query.size() / averageLength);
        int n = query.size();
        for (int i = 0; i < n; i++) {
            String term = query.get(i);
            // Each distinct word once, with its count (messages are short: a scan beats a map).
            if (query.subList(0, i).contains(term)) {
                continue;
            }
            int qtf = 1;
            for (int j = i + 1; j < n; j++) {
                if (term.equals(query.get(j))) {
                    qtf++;
                }
            }
            Postings p = postings.get(term);
            double idf = p == null ? idf(0, intentOf.length) : p.idf();
            self += qtf * idf * (K1 + 1) * qtf / (qtf + queryNorm);
            if (p == null) {
                continue;
            }
            int[] docs = p.docs();
            int[] freqs = p.freqs();
            double weight = qtf * idf * (K1 + 1);
            for (int k = 0; k < docs.length; k++) {
                int tf = freqs[k];
                scores[docs[k]] += weight * tf / (tf + lengthNorm[docs[k]]);
            }
        }
        for (int d = 0; d < scores.length; d++) {
            if (scores[d] > best[intentOf[d]]) {
                best[intentOf[d]] = scores[d];
            }
        }
        return self;
    }

    /** A softmax of {@code beta} times the {@link #similarities}: a probability for each intent. */
    public double[] distribution(List<String> query, double beta) {
        double[] similarity = similarities(query);
        double max = 0;
        for (double s : similarity) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] out = new double[similarity.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(beta * (similarity[k] - max));
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /** The examples' intents and words, for saving with the model. */
    int size() {
        return intentOf.length;
    }
}
