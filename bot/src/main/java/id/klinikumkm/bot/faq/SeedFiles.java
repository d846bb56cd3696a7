package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.Intents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the FAQ seed: one {@code KEY.md} file per entry, a header of {@code name: value} lines, a line
 * {@code ---}, then the answer, with {@code <!-- selengkapnya -->} before the details (format in
 * {@code config/faq/README.md}). A malformed file fails start-up with its name and line, so a typo never
 * reaches users.
 */
final class SeedFiles {
    static final String MORE_MARKER = "<!-- selengkapnya -->";
    static final int MAX_FIRST_SCREEN = EntryRules.MAX_FIRST_SCREEN;
    private static final String BUNDLED = "/defaults/faq";
    private static final Logger LOG = LoggerFactory.getLogger(SeedFiles.class);

    private SeedFiles() {}

    /** The seed in {@code dir}, or the copy packed in the jar when the directory does not exist. */
    static List<SeedEntry> read(Path dir) {
        if (Files.isDirectory(dir)) {
            return readDirectory(dir);
        }
        LOG.warn("No FAQ seed directory {}; using the seed packed in the jar", dir.toAbsolutePath());
        URL bundled = SeedFiles.class.getResource(BUNDLED);
        if (bundled == null) {
            throw new IllegalStateException("no FAQ seed in " + dir.toAbsolutePath() + " and none in the jar");
        }
        try {
            URI uri = bundled.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readDirectory(jar.getPath(BUNDLED));
                }
            }
            return readDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the FAQ seed packed in the jar", e);
        }
    }

    static List<SeedEntry> readDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<SeedEntry> entries = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                if (!file.getFileName().toString().equals("README.md")) {
                    entries.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FAQ seed in " + dir, e);
        }
    }

    static SeedEntry parse(String fileName, String text) {
        List<String> lines = Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
        int separator = lines.indexOf("---");
        if (separator < 0) {
            throw invalid(fileName, 0, "no '---' line between the header and the answer");
        }
        Header header = new Header(fileName);
        for (int i = 0; i < separator; i++) {
            header.add(lines.get(i), i + 1);
        }
        String body = String.join("\n", lines.subList(separator + 1, lines.size())).strip();
        int more = body.indexOf(MORE_MARKER);
        String answer = (more < 0 ? body : body.substring(0, more)).strip();
        String details = more < 0 ? "" : body.substring(more + MORE_MARKER.length()).strip();
        if (answer.isEmpty()) {
            throw invalid(fileName, separator + 2, "the answer is empty");
        }
        if (!EntryRules.firstScreenFits(answer)) {
            throw invalid(fileName, separator + 2, "the first screen has more than " + MAX_FIRST_SCREEN
                    + " characters; put the rest after " + MORE_MARKER);
        }
        return header.build(answer, details);
    }

    private static IllegalArgumentException invalid(String file, int line, String problem) {
        return new IllegalArgumentException("FAQ seed " + file + (line > 0 ? " line " + line : "") + ": " + problem);
    }

    /** The header lines of one file. */
    private static final class Header {
        private final String file;
        private String key;
        private String topic;
        private String title;
        private Integer seedVersion;
        private LocalDate reviewed;
        private Boolean uncertain;
        private OptionalInt menuOrder = OptionalInt.empty();
        private final List<String> related = new ArrayList<>();
        private final List<FaqEntry.Source> sources = new ArrayList<>();

        Header(String file) {
            this.file = file;
        }

        void add(String line, int number) {
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw invalid(file, number, "expected 'name: value'");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "key" -> key = value;
                case "topic" -> topic = value;
                case "title" -> title = value;
                case "seed-version" -> seedVersion = number(value, number);
                case "reviewed" -> reviewed = date(value, number);
                case "uncertain" -> uncertain = yesNo(value, number);
                case "menu-order" -> menuOrder = OptionalInt.of(number(value, number));
                case "related" -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(related::add);
                case "source" -> sources.add(source(value, number));
                default -> throw invalid(file, number, "unknown header '" + name + "'");
            }
        }

        SeedEntry build(String answer, String details) {
            require(key != null && Intents.isValidKey(key), "'key' is missing or malformed");
            require(file.equals(key + ".md"), "the file must be named " + key + ".md");
            require(topic != null && FaqEntry.TOPICS.contains(topic), "'topic' must be one of " + FaqEntry.TOPICS);
            require(EntryRules.titleFits(title), "'title' must be 1 to " + EntryRules.MAX_TITLE + " characters");
            require(seedVersion != null && seedVersion > 0, "'seed-version' must be a whole number above 0");
            require(reviewed != null, "'reviewed' (YYYY-MM-DD) is missing");
            require(uncertain != null, "'uncertain' (yes or no) is missing");
            require(related.size() <= EntryRules.MAX_RELATED && related.stream().allMatch(Intents::isValidKey),
                    "'related' takes at most " + EntryRules.MAX_RELATED + " keys");
            require(EntryRules.hasGovernmentSource(sources), "at least one 'source' must be a .go.id address");
            return new SeedEntry(new FaqEntry(key, topic, title, answer, details, sources, reviewed, uncertain, related,
                    menuOrder, true, 0), seedVersion, file);
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                throw invalid(file, 0, problem);
            }
        }

        private int number(String value, int line) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(file, line, "'" + value + "' is not a whole number");
            }
        }

        private LocalDate date(String value, int line) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw invalid(file, line, "'" + value + "' is not a date like 2026-11-29");
            }
        }

        private Boolean yesNo(String value, int line) {
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw invalid(file, line, "expected yes or no");
            };
        }

        private FaqEntry.Source source(String value, int line) {
            int bar = value.lastIndexOf('|');
            String url = bar < 0 ? "" : value.substring(bar + 1).strip();
            if (bar <= 0) {
                throw invalid(file, line, "a source is 'title | https://address'");
            }
            EntryRules.addressProblem(url).ifPresent(problem -> {
                throw invalid(file, line, switch (problem) {
                    case NOT_HTTPS -> "a source is 'title | https://address'";
                    case NO_HOST -> "'" + url + "' has no host";
                    case MALFORMED -> "'" + url + "' is not a valid address";
                });
            });
            return new FaqEntry.Source(value.substring(0, bar).strip(), url);
        }
    }
}
