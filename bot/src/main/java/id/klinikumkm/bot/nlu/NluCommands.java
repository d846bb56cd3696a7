package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.Interpretation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command-line tools for the classifier, run as {@code java -jar bot/target/klinik-bot.jar COMMAND}:
 * <pre>
 * train-nlu            train on nlu.models.dir/intents-id.train and write intent-id.bin + its data hash
 * nlu-eval FILE        score the service's model on key&lt;TAB&gt;text lines (e.g. nlp-models/intents-id.test); the
 *                      lines after "# === hard ===" are also reported on their own
 * nlu-eval --cv K      K-fold cross-validation on the training data
 * nlu-tune             compare algorithms, features and decision thresholds by 5-fold cross-validation
 * nlu-bench [FILE]     model load time, model heap, single-thread classifications per second, p50/p99
 * </pre>
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
public final class NluCommands {
    public static final Set<String> COMMANDS = Set.of("train-nlu", "nlu-eval", "nlu-tune", "nlu-bench");
    public static final String USAGE = "train-nlu | nlu-eval FILE | nlu-eval --cv K | nlu-tune [--mixes] | nlu-bench [FILE]";

    private final AppConfig.Nlu config;
    private final PrintStream out;

    private NluCommands(AppConfig.Nlu config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Runs one command and returns the process exit code. */
    public static int run(AppConfig.Nlu config, String[] args, PrintStream out, PrintStream err) {
        NluCommands commands = new NluCommands(config, out);
        try {
            switch (args[0]) {
                case "train-nlu":
                    return args.length == 1 ? commands.train() : usage(err);
                case "nlu-eval":
                    if (args.length == 2 && !args[1].startsWith("--")) {
                        return commands.evaluate(Path.of(args[1]));
                    }
                    if (args.length == 3 && "--cv".equals(args[1])) {
                        return commands.crossValidate(Integer.parseInt(args[2]));
                    }
                    return usage(err);
                case "nlu-tune":
                    if (args.length == 2 && "--mixes".equals(args[1])) {
                        return commands.tuneMixes();
                    }
                    return args.length == 1 ? commands.tune() : usage(err);
                case "nlu-bench":
                    return args.length <= 2 ? commands.bench(args.length == 2
                            ? Path.of(args[1]) : config.modelsDir().resolve(NluModels.TEST_FILE)) : usage(err);
                default:
                    return usage(err);
            }
        } catch (NumberFormatException e) {
            return usage(err);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: java -jar klinik-bot.jar " + USAGE);
        return 2;
    }

    private int train() throws IOException {
        Path dir = config.modelsDir();
        long start = System.nanoTime();
        IntentModel model = NluModels.trainAndSave(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        NluModels.Data data = NluModels.read(dir);
        out.printf(Locale.ROOT, "train-nlu: %d examples, %d intents, %s%n", data.examples().size(), model.keys().size(),
                TrainingSettings.CHOSEN.describe());
        out.printf(Locale.ROOT, "train-nlu: wrote %s (%,d bytes) and %s (sha256 %s) in %d ms%n",
                dir.resolve(NluModels.MODEL_FILE), Files.size(dir.resolve(NluModels.MODEL_FILE)),
                NluModels.HASH_FILE, NluModels.shortHash(data.hash()), millis);
        return 0;
    }

    private int evaluate(Path file) {
        IntentDataFile.Sections sections = IntentDataFile.readSections(file);
        NluService service = NluModels.open(config);
        Evaluation evaluation = Evaluation.run(service, sections.all());
        String title = "nlu-eval " + file + "\nmodel: " + service.description() + "\n" + policyLine(service.policy());
        out.print(sections.hard().isPresent()
                ? evaluation.report(title, 10, evaluation.restrictedTo(sections.hard().get()))
                : evaluation.report(title, 10));
        return 0;
    }

    private int crossValidate(int k) {
        NluModels.Data data = NluModels.read(config.modelsDir());
        DecisionPolicy policy = policy();
        long start = System.nanoTime();
        Evaluation evaluation = CrossValidation.run(data.examples(), data.normaliser(), TrainingSettings.CHOSEN, policy, k);
        out.print(evaluation.report(String.format(Locale.ROOT, "nlu-eval --cv %d on %s/%s (%d s)%nsettings: %s%n%s", k,
                data.origin(), NluModels.TRAIN_FILE, (System.nanoTime() - start) / 1_000_000_000L,
                TrainingSettings.CHOSEN.describe(), policyLine(policy)), 10));
        return 0;
    }

    /** Prints a comparison of candidate settings; nlp-models/README.md records the result and the choice. */
    private int tune() {
        NluModels.Data data = NluModels.read(config.modelsDir());
        DecisionPolicy policy = policy();
        TrainingSettings base = TrainingSettings.CHOSEN;
        int c = CharNgramFeatures.DEFAULT_MIN;
        int x = CharNgramFeatures.DEFAULT_MAX;
        int w = CharNgramFeatures.DEFAULT_MIN_WORD;
        List<TrainingSettings> candidates = new ArrayList<>();
        candidates.add(base.withAlgorithm("MAXENT", 100, 0));
        candidates.add(base.withAlgorithm("MAXENT", 300, 0));
        candidates.add(base.withAlgorithm("PERCEPTRON", 100, 0));
        candidates.add(base.withAlgorithm("NAIVEBAYES", 1, 0));
        for (double l2 : new double[] {0.1, 0.25, 0.5, 1.0, 2.0}) {
            candidates.add(base.withAlgorithm("MAXENT_QN", base.iterations(), l2));
        }
        candidates.add(base.withCutoff(2));
        candidates.add(base.withFeatures(true, 0, 0, w));
        candidates.add(base.withFeatures(false, c, x, w));
        candidates.add(base.withFeatures(true, c, x, 1));
        candidates.add(base.withFeatures(true, 2, 4, w));
        candidates.add(base.withFeatures(true, 3, 6, w));
        candidates.add(base.withFeatures(true, 4, 6, w));
        out.println("nlu-tune: 5-fold cross-validation on " + data.examples().size() + " examples of " + data.origin());
        out.println("decided: " + policyLine(policy) + "; top-1: the most probable intent, no thresholds");
        out.printf(Locale.ROOT, "%-96s %8s %8s %8s %8s %7s %7s%n", "settings", "accuracy", "in-scope", "oos_rec", "macroF1",
                "top-1", "seconds");
        Evaluation chosen = null;
        for (TrainingSettings settings : candidates) {
            long start = System.nanoTime();
            Evaluation evaluation = CrossValidation.run(data.examples(), data.normaliser(), settings, policy, 5);
            out.printf(Locale.ROOT, "%-96s %8.3f %8.3f %8.3f %8.3f %7.3f %7.1f%s%n", settings.describe(), evaluation.accuracy(),
                    evaluation.inScopeAccuracy(), evaluation.oosRecall(), evaluation.macroF1(),
                    evaluation.rescore(new DecisionPolicy(0, 0, 0)).accuracy(),
                    (System.nanoTime() - start) / 1e9, settings.equals(base) ? "  <- chosen" : "");
            if (settings.equals(base)) {
                chosen = evaluation;
            }
        }
        if (chosen == null) {
            chosen = CrossValidation.run(data.examples(), data.normaliser(), base, policy, 5);
        }
        out.println();
        mixTable(data, policy, base);
        out.println();
        out.println("clarify threshold (below it: fallback = out_of_scope) on the chosen settings' cross-validated probabilities:");
        out.printf(Locale.ROOT, "%9s %8s %8s %8s %8s%n", "clarify", "accuracy", "in-scope", "oos_rec", "macroF1");
        for (double clarify : new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
            Evaluation e = chosen.rescore(new DecisionPolicy(Math.max(clarify, policy.threshold()), policy.margin(), clarify));
            out.printf(Locale.ROOT, "%9.2f %8.3f %8.3f %8.3f %8.3f%n", clarify, e.accuracy(), e.inScopeAccuracy(), e.oosRecall(), e.macroF1());
        }
        out.println();
        answerTable(chosen, policy);
        return 0;
    }

    /** Only the second-signal table of {@code nlu-tune}. */
    private int tuneMixes() {
        NluModels.Data data = NluModels.read(config.modelsDir());
        DecisionPolicy policy = policy();
        out.println("nlu-tune --mixes: 5-fold cross-validation on " + data.examples().size() + " examples of " + data.origin());
        out.println("decided: " + policyLine(policy) + "; top-1: the most probable intent, no thresholds");
        Evaluation chosen = mixTable(data, policy, TrainingSettings.CHOSEN);
        out.println();
        answerTable(chosen, policy);
        return 0;
    }

    /** Direct answer vs "Maksud Bapak/Ibu ...?" under answer thresholds and margins, on cross-validated predictions. */
    private void answerTable(Evaluation chosen, DecisionPolicy policy) {
        out.println("answer threshold and margin (direct answer vs \"Maksud Bapak/Ibu ...?\"), clarify threshold "
                + policy.clarifyThreshold() + ":");
        out.printf(Locale.ROOT, "%9s %7s %7s %8s %7s %8s %s%n", "threshold", "margin", "answer", "right", "clarify", "fallback",
                "clarifications offering the right topic");
        for (double threshold : new double[] {0.4, 0.5, 0.6, 0.7}) {
            for (double margin : new double[] {0.1, 0.2, 0.3}) {
                Evaluation e = chosen.rescore(new DecisionPolicy(threshold, margin, Math.min(policy.clarifyThreshold(), threshold)));
                var decisions = e.decisions();
                out.printf(Locale.ROOT, "%9.2f %7.2f %7d %8.3f %7d %8d %.3f%n", threshold, margin,
                        decisions.get(Interpretation.Decision.ANSWER), e.answerPrecision(),
                        decisions.get(Interpretation.Decision.CLARIFY), decisions.get(Interpretation.Decision.FALLBACK),
                        e.clarifyHitRate());
            }
        }
    }

    /**
     * The maxent probabilities mixed with the BM25 nearest-example distribution, each mix on the same 5 folds, with
     * and without the focus features.
     *
     * @return the cross-validated predictions of the chosen settings
     */
    private Evaluation mixTable(NluModels.Data data, DecisionPolicy policy, TrainingSettings base) {
        Evaluation chosen = null;
        out.println();
        out.println("second signal: linear p = (1 - w) * maxent + w * softmax(beta * s), geometric p ~ maxent^(1 - w) * exp(w * beta * s),");
        out.println("s: BM25 score of each intent's nearest training example over the message's score against itself");
        out.println("asked: the weight of the clause after the last turn word, classified alone and mixed in geometrically;");
        out.println("f=: focus features for the words of that clause");
        out.printf(Locale.ROOT, "%-6s %-9s %5s %5s %5s %7s %8s %8s %8s %8s %7s%n", "f=", "mix", "w", "beta", "asked", "clarify", "accuracy",
                "in-scope", "oos_rec", "macroF1", "top-1");
        List<double[]> mixes = new ArrayList<>();
        mixes.add(new double[] {0, 0, 0, 0});
        for (double geometric : new double[] {0, 1}) {
            for (double weight : new double[] {0.2, 0.35, 0.5, 0.65}) {
                for (double beta : new double[] {5, 10, 15, 20}) {
                    mixes.add(new double[] {weight, beta, geometric, 0});
                }
            }
        }
        double[] chosenMix = {base.nearestWeight(), base.nearestBeta(), base.nearestGeometric() ? 1 : 0, base.focusWeight()};
        for (double weight : new double[] {0.5, 0.65}) {
            for (double focusWeight : new double[] {0.25, 0.4, 0.5}) {
                mixes.add(new double[] {weight, 5, 1, focusWeight});
            }
        }
        if (mixes.stream().noneMatch(mix -> java.util.Arrays.equals(mix, chosenMix))) {
            mixes.add(chosenMix);
        }

        for (boolean focus : new boolean[] {base.focus(), !base.focus()}) {
            TrainingSettings settings = base.withFocus(focus);
            List<double[]> these = focus == base.focus() ? mixes : List.of(new double[] {0, 0, 0, 0}, chosenMix);
            long start = System.nanoTime();
            List<Evaluation> mixed = CrossValidation.runMixes(data.examples(), data.normaliser(), settings, policy, 5, these);
            for (int m = 0; m < these.size(); m++) {
                double[] mix = these.get(m);
                boolean chosenMixHere = focus == base.focus() && java.util.Arrays.equals(mix, chosenMix);
                if (chosenMixHere) {
                    chosen = mixed.get(m);
                }
                for (double clarify : new double[] {0.2, 0.25, 0.3}) {
                    Evaluation e = mixed.get(m).rescore(new DecisionPolicy(policy.threshold(), policy.margin(), clarify));
                    boolean isChosen = chosenMixHere && clarify == policy.clarifyThreshold();
                    out.printf(Locale.ROOT, "%-6s %-9s %5.2f %5.0f %5.2f %7.2f %8.3f %8.3f %8.3f %8.3f %7.3f%s%n", focus ? "yes" : "no",
                            mix[0] == 0 ? "maxent" : mix[2] != 0 ? "geometric" : "linear", mix[0], mix[1], mix[3], clarify,
                            e.accuracy(), e.inScopeAccuracy(), e.oosRecall(), e.macroF1(),
                            e.rescore(new DecisionPolicy(0, 0, 0)).accuracy(), isChosen ? "  <- chosen" : "");
                }
            }
            out.printf(Locale.ROOT, "(f= %s: %.0f s)%n", focus ? "yes" : "no", (System.nanoTime() - start) / 1e9);
        }
        return chosen;
    }

    private int bench(Path file) {
        List<String> texts = IntentDataFile.read(file).stream().map(LabelledText::text).toList();
        NluModels.Data data = NluModels.read(config.modelsDir());
        if (!data.modelIsCurrent()) {
            out.println("nlu-bench: the stored model is missing or out of date; run train-nlu first");
            return 1;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeap(memory);
        long loadStart = System.nanoTime();
        IntentModel model = NluModels.load(data);
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;
        long heapAfter = settledHeap(memory);
        double[] warmLoads = new double[5];
        for (int i = 0; i < warmLoads.length; i++) {
            long start = System.nanoTime();
            NluModels.load(data);
            warmLoads[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(warmLoads);
        NluService service = new NluService(data.normaliser(), model, policy(), "bench");

        int sink = 0;
        // Warm-up: let the JIT compile the whole path before anything is timed.
        for (int i = 0; i < 50_000; i++) {
            sink += service.interpret(texts.get(i % texts.size())).top().size();
        }
        int runs = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += service.interpret(texts.get(i % texts.size())).top().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = new long[100_000];
        for (int i = 0; i < latencies.length; i++) {
            long t = System.nanoTime();
            sink += service.interpret(texts.get(i % texts.size())).top().size();
            latencies[i] = System.nanoTime() - t;
        }
        Arrays.sort(latencies);
        out.printf(Locale.ROOT, "nlu-bench: %d texts from %s, %d processors, Java %s%n", texts.size(), file,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "model file %,d bytes; load %.0f ms first, %.0f ms median of %d more%n",
                data.model().orElseThrow().length, loadMillis, warmLoads[warmLoads.length / 2], warmLoads.length);
        out.printf(Locale.ROOT, "model heap about %.1f MB (heap after GC with the model minus without)%n",
                Math.max(0, heapAfter - heapBefore) / 1e6);
        out.printf(Locale.ROOT, "single thread: %,.0f classifications/s over %,d (normalise + classify + decide)%n", runs / seconds, runs);
        out.printf(Locale.ROOT, "latency p50 %.1f us, p99 %.1f us, max %.1f us (over %,d)%n",
                latencies[latencies.length / 2] / 1e3, latencies[(int) (latencies.length * 0.99)] / 1e3,
                latencies[latencies.length - 1] / 1e3, latencies.length);
        if (sink == 42) {
            out.println(); // keeps the JIT from discarding the work
        }
        out.printf(Locale.ROOT, "nlu-bench: classifications_per_second=%.0f p50_us=%.1f p99_us=%.1f load_ms=%.0f model_heap_mb=%.1f%n",
                runs / seconds, latencies[latencies.length / 2] / 1e3, latencies[(int) (latencies.length * 0.99)] / 1e3,
                loadMillis, Math.max(0, heapAfter - heapBefore) / 1e6);
        model.keys(); // the model must stay reachable until the heap was measured
        return 0;
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private DecisionPolicy policy() {
        return new DecisionPolicy(config.threshold(), config.margin(), config.clarifyThreshold());
    }

    private static String policyLine(DecisionPolicy policy) {
        return String.format(Locale.ROOT, "decision: answer when p >= %.2f and lead >= %.2f, clarify when p >= %.2f, else fallback",
                policy.threshold(), policy.margin(), policy.clarifyThreshold());
    }
}
