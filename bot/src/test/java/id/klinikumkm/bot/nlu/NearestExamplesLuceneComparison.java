package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.testing.RepoFiles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * How long {@link NearestExamples} and the same search in Lucene ({@link LuceneBestPerIntent}, one searcher reused)
 * take per message, single thread, on the training and test files; not a test. From the repository root:
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl bot
 * java -cp bot/target/test-classes:bot/target/classes:$(cat bot/target/classpath.txt) id.klinikumkm.bot.nlu.NearestExamplesLuceneComparison
 * </pre>
 * The two alternate in rounds, so load from other work on the machine falls on both; the fastest round is the one
 * least disturbed by it.
 */
public final class NearestExamplesLuceneComparison {
    private static final int ROUNDS = 10;
    private static final long ROUND_NANOS = 1_000_000_000L;
    /** Where the results go, so the JIT cannot discard the work. */
    private static volatile int sink;

    private NearestExamplesLuceneComparison() {}

    public static void main(String[] args) throws Exception {
        NluModels.Data data = NluModels.read(RepoFiles.nlpModels());
        List<String> intents = new ArrayList<>();
        List<List<String>> examples = new ArrayList<>();
        for (LabelledText example : data.examples()) {
            intents.add(example.intent());
            examples.add(data.normaliser().tokens(example.text()));
        }
        List<String> keys = intents.stream().distinct().sorted().toList();
        List<List<String>> queries = IntentDataFile.read(RepoFiles.nlpModels().resolve(NluModels.TEST_FILE)).stream()
                .map(line -> data.normaliser().tokens(line.text())).filter(tokens -> !tokens.isEmpty()).toList();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heap0 = settledHeap(memory);
        long start = System.nanoTime();
        NearestExamples nearest = new NearestExamples(keys, intents, examples);
        double nearestBuildMs = (System.nanoTime() - start) / 1e6;
        long heap1 = settledHeap(memory);
        start = System.nanoTime();
        LuceneBestPerIntent lucene = new LuceneBestPerIntent(keys, intents, examples);
        double luceneBuildMs = (System.nanoTime() - start) / 1e6;
        long heap2 = settledHeap(memory);
        double[] nearestBuilds = new double[5];
        double[] luceneBuilds = new double[5];
        for (int i = 0; i < nearestBuilds.length; i++) {
            start = System.nanoTime();
            new NearestExamples(keys, intents, examples);
            nearestBuilds[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            new LuceneBestPerIntent(keys, intents, examples).close();
            luceneBuilds[i] = (System.nanoTime() - start) / 1e6;
        }

        ToIntFunction<List<String>> hand = query -> (int) (nearest.similarities(query)[0] * 1000);
        ToIntFunction<List<String>> library = query -> (int) (lucene.bestScores(query)[0] * 1000);
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            sink += pass(queries, hand) + pass(queries, library);
        }
        double[] handMicros = new double[ROUNDS];
        double[] libraryMicros = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            handMicros[round] = microsPerQuery(queries, hand);
            libraryMicros[round] = microsPerQuery(queries, library);
        }

        System.out.printf(Locale.ROOT, "%d examples, %d intents, %d queries from %s; %d processors, Java %s%n", examples.size(),
                keys.size(), queries.size(), NluModels.TEST_FILE, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "build: hand-written %.1f ms first, %.1f ms median of 5; Lucene %.1f ms first, %.1f ms median of 5%n",
                nearestBuildMs, median(nearestBuilds), luceneBuildMs, median(luceneBuilds));
        System.out.printf(Locale.ROOT, "heap after GC: hand-written %.2f MB; Lucene %.2f MB (index files %.2f MB)%n",
                Math.max(0, heap1 - heap0) / 1e6, Math.max(0, heap2 - heap1) / 1e6, lucene.indexBytes() / 1e6);
        System.out.printf(Locale.ROOT, "us per query, %d rounds of about %d s each, alternating:%n", ROUNDS, ROUND_NANOS / 1_000_000_000L);
        System.out.printf(Locale.ROOT, "  hand-written NearestExamples.similarities: %s -> fastest %.2f, median %.2f%n",
                Arrays.toString(rounded(handMicros)), min(handMicros), median(handMicros));
        System.out.printf(Locale.ROOT, "  Lucene BM25Similarity, every hit, best per intent: %s -> fastest %.2f, median %.2f%n",
                Arrays.toString(rounded(libraryMicros)), min(libraryMicros), median(libraryMicros));
        System.out.printf(Locale.ROOT, "Lucene / hand-written: %.1fx fastest rounds, %.1fx medians%n", min(libraryMicros) / min(handMicros),
                median(libraryMicros) / median(handMicros));
        lucene.close();
        nearest.keys(); // both must stay reachable until the heap was measured
    }

    private static int pass(List<List<String>> queries, ToIntFunction<List<String>> search) {
        int sum = 0;
        for (List<String> query : queries) {
            sum += search.applyAsInt(query);
        }
        return sum;
    }

    private static double microsPerQuery(List<List<String>> queries, ToIntFunction<List<String>> search) {
        long start = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - start < ROUND_NANOS) {
            sink += pass(queries, search);
            done += queries.size();
        }
        return (System.nanoTime() - start) / 1e3 / done;
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
