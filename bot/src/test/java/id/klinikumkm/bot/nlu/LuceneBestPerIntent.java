package id.klinikumkm.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The same nearest-example search done with Lucene, the reference {@link NearestExamples} is checked against
 * ({@link NearestExamplesLuceneTest}) and timed against ({@link NearestExamplesLuceneComparison}): one document per
 * training example, its normalised words joined by spaces and split again by {@link WhitespaceAnalyzer}, scored by
 * {@link BM25Similarity}(1.2, 0.75), every hit collected, the best score kept per intent.
 */
final class LuceneBestPerIntent implements AutoCloseable {
    private static final String WORDS = "words";
    private static final String INTENT = "intent";
    private static final String INTENT_INDEX = "intent_index";

    private final int intents;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** Indexes the examples in memory; the intents' order is that of {@code keys}. */
    LuceneBestPerIntent(List<String> keys, List<String> intents, List<List<String>> tokens) {
        this.intents = keys.size();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            index.put(keys.get(k), k);
        }
        BM25Similarity similarity = new BM25Similarity((float) NearestExamples.K1, (float) NearestExamples.B);
        directory = new ByteBuffersDirectory();
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(similarity))) {
                for (int d = 0; d < tokens.size(); d++) {
                    Document doc = new Document();
                    doc.add(new TextField(WORDS, String.join(" ", tokens.get(d)), Field.Store.NO));
                    doc.add(new StoredField(INTENT, intents.get(d)));
                    doc.add(new NumericDocValuesField(INTENT_INDEX, index.get(intents.get(d))));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        // Scoring queries are never cached anyway; no cache keeps the timing about the search alone.
        searcher.setQueryCache(null);
    }

    /**
     * Each intent's best Lucene score for the words. A repeated word is one clause boosted by its count, as
     * {@link NearestExamples} weighs it.
     */
    double[] bestScores(List<String> query) {
        if (query.isEmpty()) {
            return new double[intents];
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String word : query) {
            counts.merge(word, 1, Integer::sum);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        counts.forEach((word, count) -> {
            Query term = new TermQuery(new Term(WORDS, word));
            builder.add(count == 1 ? term : new BoostQuery(term, count), BooleanClause.Occur.SHOULD);
        });
        try {
            return searcher.search(builder.build(), new CollectorManager<BestPerIntentCollector, double[]>() {
                @Override
                public BestPerIntentCollector newCollector() {
                    return new BestPerIntentCollector(new float[intents]);
                }

                @Override
                public double[] reduce(Collection<BestPerIntentCollector> collectors) {
                    double[] best = new double[intents];
                    for (BestPerIntentCollector collector : collectors) {
                        for (int k = 0; k < best.length; k++) {
                            best[k] = Math.max(best[k], collector.best[k]);
                        }
                    }
                    return best;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the index files (held in memory by the directory). */
    long indexBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Every hit, not the top k: the best example of a weak intent matters too. */
    private static final class BestPerIntentCollector extends SimpleCollector {
        private final float[] best;
        private NumericDocValues intentIndex;
        private Scorable scorer;

        BestPerIntentCollector(float[] best) {
            this.best = best;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            intentIndex = DocValues.getNumeric(context.reader(), INTENT_INDEX);
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!intentIndex.advanceExact(doc)) {
                throw new IllegalStateException("document " + doc + " has no intent");
            }
            int k = (int) intentIndex.longValue();
            float score = scorer.score();
            if (score > best[k]) {
                best[k] = score;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
