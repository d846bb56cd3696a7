package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.conversation.Intents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code key<TAB>text} example files ({@code intents-id.train}, {@code intents-id.test}). Blank lines
 * and lines starting with {@code #} are ignored; a malformed key ({@link Intents#isValidKey}), an empty text or
 * a line without a tab fails with its line number.
 *
 * <p>There is no fixed list of intents: every well-formed key in the data is one. A misspelt key therefore
 * makes a small intent of its own; {@code IntentModelQualityIT} catches that (each intent needs at least 40
 * training and 10 test examples, and both files must name the same intents), and the topics are checked
 * against the FAQ entries at start-up (see {@link Intents}).
 */
public final class IntentDataFile {
    /**
     * In a test file, the line that starts the hard section: harder messages (long run-ons, Javanese and Madurese,
     * code-mixing, a second topic in passing) that {@code nlu-eval} also scores on their own. It is a comment, so
     * the examples after it still belong to the whole file.
     */
    public static final String HARD_MARKER = "# === hard ===";

    private IntentDataFile() {}

    /** A file's examples and, when it has a {@link #HARD_MARKER} line, those after it. */
    public record Sections(List<LabelledText> all, Optional<List<LabelledText>> hard) {}

    /** Reads a file with its hard section (see {@link #HARD_MARKER}). */
    public static Sections readSections(Path file) {
        try {
            return sections(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses lines and splits off the examples after the first {@link #HARD_MARKER} line (none: no hard section). */
    public static Sections sections(List<String> lines, String source) {
        List<LabelledText> all = parse(lines, source);
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (HARD_MARKER.equals(lines.get(i).strip())) {
                marker = i + 1;
                break;
            }
        }
        if (marker < 0) {
            return new Sections(all, Optional.empty());
        }
        int markerLine = marker;
        return new Sections(all, Optional.of(all.stream().filter(e -> e.line() > markerLine).toList()));
    }

    public static List<LabelledText> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<LabelledText> parse(List<String> lines, String source) {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String where = source + " line " + (i + 1);
            if (tab < 0) {
                throw new IllegalArgumentException(where + ": expected key<TAB>text, got: " + line);
            }
            String key = line.substring(0, tab).strip();
            String text = line.substring(tab + 1).strip();
            if (!Intents.isValidKey(key)) {
                throw new IllegalArgumentException(where + ": malformed intent key '" + key + "'");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty text");
            }
            examples.add(new LabelledText(key, text, i + 1));
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(source + ": no examples");
        }
        return examples;
    }
}
