package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Interpretation.Decision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Quality of the classifier on labelled examples, scored on the <em>decision</em>: a fallback counts as
 * {@code out_of_scope}, an answer or a clarification as its top intent (see {@link DecisionPolicy#label}).
 */
public final class Evaluation {
    private final List<Prediction> predictions;

    /** One scored example. */
    public record Prediction(LabelledText example, Interpretation interpretation, String predicted) {
        boolean correct() {
            return example.intent().equals(predicted);
        }
    }

    /** Precision, recall and F1 of one key, with its number of gold examples. */
    public record Scores(double precision, double recall, double f1, int support) {}

    private Evaluation(List<Prediction> predictions) {
        this.predictions = List.copyOf(predictions);
    }

    /** Runs the service over the examples. */
    public static Evaluation run(NluService service, List<LabelledText> examples) {
        List<Prediction> predictions = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            predictions.add(predict(service, example));
        }
        return new Evaluation(predictions);
    }

    static Prediction predict(NluService service, LabelledText example) {
        Interpretation interpretation = service.interpret(example.text());
        return new Prediction(example, interpretation, DecisionPolicy.label(interpretation.decision(), interpretation.top()));
    }

    /** The same predictions decided again under another policy (the probabilities do not change). */
    public Evaluation rescore(DecisionPolicy policy) {
        List<Prediction> rescored = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            Interpretation old = p.interpretation();
            Decision decision = policy.decide(old.top());
            Interpretation again = new Interpretation(old.normalisedText(), decision, old.top());
            rescored.add(new Prediction(p.example(), again, DecisionPolicy.label(decision, old.top())));
        }
        return new Evaluation(rescored);
    }

    /** The predictions of the examples on the given lines of the same file (e.g. its hard section). */
    public Evaluation restrictedTo(List<LabelledText> examples) {
        java.util.Set<LabelledText> wanted = new java.util.HashSet<>(examples);
        return new Evaluation(predictions.stream().filter(p -> wanted.contains(p.example())).toList());
    }

    static Evaluation of(List<Prediction> predictions) {
        return new Evaluation(predictions);
    }

    public int n() {
        return predictions.size();
    }

    public double accuracy() {
        return ratio(predictions.stream().filter(Prediction::correct).count(), predictions.size());
    }

    /** Accuracy on the examples whose true intent is not out of scope. */
    public double inScopeAccuracy() {
        List<Prediction> inScope = predictions.stream()
                .filter(p -> !Intents.OUT_OF_SCOPE.equals(p.example().intent())).toList();
        return ratio(inScope.stream().filter(Prediction::correct).count(), inScope.size());
    }

    public double oosPrecision() {
        return scores(Intents.OUT_OF_SCOPE).precision();
    }

    public double oosRecall() {
        return scores(Intents.OUT_OF_SCOPE).recall();
    }

    /** The mean F1 over every key that has gold examples. */
    public double macroF1() {
        return goldKeys().stream().mapToDouble(key -> scores(key).f1()).average().orElse(0);
    }

    public Scores scores(String key) {
        long truePositives = predictions.stream().filter(p -> p.correct() && key.equals(p.predicted())).count();
        long predicted = predictions.stream().filter(p -> key.equals(p.predicted())).count();
        long gold = predictions.stream().filter(p -> key.equals(p.example().intent())).count();
        double precision = ratio(truePositives, predicted);
        double recall = ratio(truePositives, gold);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(precision, recall, f1, (int) gold);
    }

    public Map<Decision, Long> decisions() {
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        for (Decision decision : Decision.values()) {
            counts.put(decision, predictions.stream().filter(p -> p.interpretation().decision() == decision).count());
        }
        return counts;
    }

    /** Of the direct answers, the share that answered the right intent. */
    public double answerPrecision() {
        List<Prediction> answers = predictions.stream()
                .filter(p -> p.interpretation().decision() == Decision.ANSWER).toList();
        return ratio(answers.stream().filter(Prediction::correct).count(), answers.size());
    }

    /** Of the clarifications of in-scope questions, the share whose buttons include the right intent. */
    public double clarifyHitRate() {
        List<Prediction> asked = predictions.stream()
                .filter(p -> p.interpretation().decision() == Decision.CLARIFY)
                .filter(p -> !Intents.OUT_OF_SCOPE.equals(p.example().intent())).toList();
        return ratio(asked.stream().filter(p -> p.interpretation().top().stream()
                .anyMatch(s -> s.key().equals(p.example().intent()))).count(), asked.size());
    }

    /** The final line of every {@code nlu-eval} run; its format is a contract for scripts. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "nlu-eval: accuracy=%.3f in_scope_accuracy=%.3f oos_recall=%.3f macro_f1=%.3f n=%d",
                accuracy(), inScopeAccuracy(), oosRecall(), macroF1(), n());
    }

    /** The figures of a section of the file, on one line that does not start like {@link #summaryLine()}. */
    public String sectionLine(String section) {
        return String.format(Locale.ROOT, "nlu-eval %s: accuracy=%.3f in_scope_accuracy=%.3f oos_recall=%.3f macro_f1=%.3f n=%d",
                section, accuracy(), inScopeAccuracy(), oosRecall(), macroF1(), n());
    }

    /** The full human-readable report, ending with {@link #summaryLine()}. */
    public String report(String title, int confusionsShown) {
        return body(title, confusionsShown) + '\n' + summaryLine() + '\n';
    }

    /**
     * The full report of the whole file, then the report of its hard section (the examples after
     * {@link IntentDataFile#HARD_MARKER}, also counted in the whole file), then the whole file's
     * {@link #summaryLine()} as the last line, as always.
     */
    public String report(String title, int confusionsShown, Evaluation hard) {
        return body(title, confusionsShown)
                + "\n=== hard section (the lines after '" + IntentDataFile.HARD_MARKER + "', also counted above) ===\n"
                + hard.body("hard section", confusionsShown)
                + '\n' + hard.sectionLine("hard") + '\n'
                + '\n' + summaryLine() + '\n';
    }

    private String body(String title, int confusionsShown) {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "examples             %d%n", n()));
        out.append(String.format(Locale.ROOT, "accuracy             %.3f%n", accuracy()));
        out.append(String.format(Locale.ROOT, "in-scope accuracy    %.3f%n", inScopeAccuracy()));
        out.append(String.format(Locale.ROOT, "out-of-scope         precision %.3f  recall %.3f%n", oosPrecision(), oosRecall()));
        out.append(String.format(Locale.ROOT, "macro-F1             %.3f%n", macroF1()));
        Map<Decision, Long> decisions = decisions();
        out.append(String.format(Locale.ROOT, "decisions            answer %d  clarify %d  fallback %d%n",
                decisions.get(Decision.ANSWER), decisions.get(Decision.CLARIFY), decisions.get(Decision.FALLBACK)));
        out.append(String.format(Locale.ROOT, "direct answers right %.3f;  clarifications offering the right topic %.3f%n",
                answerPrecision(), clarifyHitRate()));
        out.append('\n').append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "intent", "precision", "recall", "F1", "support"));
        for (String key : goldKeys()) {
            Scores s = scores(key);
            out.append(String.format(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %8d%n", key, s.precision(), s.recall(), s.f1(), s.support()));
        }
        out.append('\n').append("most frequent confusions (true -> decided: count, examples)\n");
        List<Map.Entry<String, List<Prediction>>> confusions = confusions();
        if (confusions.isEmpty()) {
            out.append("  none\n");
        }
        for (Map.Entry<String, List<Prediction>> confusion : confusions.subList(0, Math.min(confusionsShown, confusions.size()))) {
            out.append(String.format(Locale.ROOT, "  %s: %d%n", confusion.getKey(), confusion.getValue().size()));
            for (Prediction p : confusion.getValue().subList(0, Math.min(2, confusion.getValue().size()))) {
                out.append(String.format(Locale.ROOT, "      \"%s\" (%s %.2f)%n", p.example().text(),
                        p.interpretation().decision().id(), p.interpretation().top().isEmpty() ? 0 : p.interpretation().top().get(0).probability()));
            }
        }
        return out.toString();
    }

    /** Wrong decisions grouped by "true -> decided", most frequent first. */
    List<Map.Entry<String, List<Prediction>>> confusions() {
        Map<String, List<Prediction>> grouped = predictions.stream().filter(p -> !p.correct())
                .collect(Collectors.groupingBy(p -> p.example().intent() + " -> " + p.predicted(), LinkedHashMap::new, Collectors.toList()));
        List<Map.Entry<String, List<Prediction>>> entries = new ArrayList<>(grouped.entrySet());
        entries.sort(Comparator.<Map.Entry<String, List<Prediction>>>comparingInt(e -> e.getValue().size()).reversed()
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    List<Prediction> predictions() {
        return predictions;
    }

    private TreeSet<String> goldKeys() {
        return predictions.stream().map(p -> p.example().intent()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
