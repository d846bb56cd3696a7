package id.klinikumkm.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a chat message into the tokens the classifier sees, so that "GMN cara bikin P-IRT kak 🙏🙏" and
 * "bagaimana cara buat pirt kakak terima kasih" look alike.
 *
 * <p>Steps, in order: Unicode NFKC (full-width and styled letters become plain ones) and lower case; web
 * addresses and e-mail addresses become the tokens {@code url} and {@code email}; in a message of emoji only, a few
 * emoji become words (👍 oke, 👋 halo, 🙏 ❤️ terima kasih, 👏 🔥 mantap), otherwise every emoji and punctuation mark only separates
 * words ("cara daftar nib kak 🙏" is a question, not thanks); apostrophes
 * inside words are dropped (Madurese "ta'" is "ta"); hyphenated words are looked up whole ("p-irt"), else
 * split, with reduplication kept ("langkah-langkah", "langkah2" both become "langkah langkah"); letters
 * repeated three times or more are squeezed ("halooo" halo, "maaaf" maaf); numbers become {@code #num};
 * then the lexicon replaces chat spellings, regional words and domain acronyms, phrases first ("spp irt",
 * "yok opo"), then single words.
 *
 * <p>The lexicon is a reviewable file of {@code variant<TAB>canonical} lines; {@code #} starts a comment.
 * Immutable and thread-safe.
 */
public final class TextNormaliser {
    static final String NUMBER = "#num";
    /** Marks words that stand for an emoji until it is known whether the message has words of its own. */
    private static final char EMOJI_MARK = '\u0001';
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
    private static final Map<Integer, String> EMOJI_WORDS = Map.ofEntries(
            Map.entry(0x1F44D, "oke"),          // thumbs up
            Map.entry(0x1F44C, "oke"),          // OK hand
            Map.entry(0x2705, "oke"),           // check mark button
            Map.entry(0x1F44B, "halo"),         // waving hand
            Map.entry(0x1F64F, "terima kasih"), // folded hands: thanks or please
            Map.entry(0x1F917, "terima kasih"), // hugging face
            Map.entry(0x1F91D, "terima kasih"), // handshake
            Map.entry(0x2764, "terima kasih"),  // red heart
            Map.entry(0x1F970, "terima kasih"), // smiling face with hearts
            Map.entry(0x1F64C, "mantap"),       // raising hands
            Map.entry(0x1F44F, "mantap"),       // clapping hands
            Map.entry(0x1F4AF, "mantap"),       // hundred points
            Map.entry(0x1F525, "mantap"),       // fire
            Map.entry(0x1F60D, "mantap")        // heart eyes
    );

    private final Map<String, List<String>> words;
    private final Map<String, List<Phrase>> phrasesByFirstWord;
    private final Set<String> vocabulary;

    private record Phrase(List<String> variant, List<String> canonical) {}

    private TextNormaliser(Map<String, List<String>> words, Map<String, List<Phrase>> phrases, Set<String> vocabulary) {
        this.words = words;
        this.phrasesByFirstWord = phrases;
        this.vocabulary = vocabulary;
    }

    /** Reads the lexicon file; a malformed line fails with its line number. */
    public static TextNormaliser load(Path lexicon) {
        try {
            return parse(Files.readAllLines(lexicon, StandardCharsets.UTF_8), lexicon.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon " + lexicon, e);
        }
    }

    /**
     * Builds a normaliser from lexicon lines.
     *
     * @param source names the lexicon in error messages
     * @throws IllegalArgumentException on a malformed or duplicated line
     */
    public static TextNormaliser parse(List<String> lines, String source) {
        Map<String, List<String>> words = new HashMap<>();
        Map<String, List<Phrase>> phrases = new HashMap<>();
        Set<String> vocabulary = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = lines.get(i).split("\t", -1);
            String where = source + " line " + (i + 1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException(where + ": expected variant<TAB>canonical, got: " + line);
            }
            String variant = fields[0].strip();
            if (!variant.equals(variant.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + ": variant must be lower case: " + variant);
            }
            if (!seen.add(variant)) {
                throw new IllegalArgumentException(where + ": variant listed twice: " + variant);
            }
            List<String> canonical = List.of(fields[1].strip().toLowerCase(Locale.ROOT).split("\\s+"));
            vocabulary.addAll(canonical);
            List<String> variantWords = List.of(variant.split("\\s+"));
            if (variantWords.size() == 1) {
                words.put(variant, canonical);
                vocabulary.add(variant);
            } else {
                phrases.computeIfAbsent(variantWords.get(0), k -> new ArrayList<>()).add(new Phrase(variantWords, canonical));
            }
        }
        // Longest phrase first, so "spp irt nya" would win over "spp irt".
        phrases.values().forEach(list -> list.sort((a, b) -> b.variant().size() - a.variant().size()));
        return new TextNormaliser(Map.copyOf(words), Map.copyOf(phrases), Set.copyOf(vocabulary));
    }

    /** The normalised text: {@link #tokens} joined by single spaces. */
    public String normalise(String text) {
        return String.join(" ", tokens(text));
    }

    /** The tokens of a message after every normalisation step; empty for a message of only punctuation. */
    public List<String> tokens(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        lower = URL.matcher(lower).replaceAll(" url ");
        lower = EMAIL.matcher(lower).replaceAll(" email ");
        List<String> raw = split(lower);
        boolean onlyEmoji = raw.stream().allMatch(word -> word.charAt(0) == EMOJI_MARK);
        List<String> surface = new ArrayList<>();
        for (String word : raw) {
            if (word.charAt(0) != EMOJI_MARK) {
                surface(word, surface);
            } else if (onlyEmoji) {
                surface.add(word.substring(1));
            }
        }
        return applyLexicon(surface);
    }

    /** Splits into raw words: letters, digits, and hyphens or apostrophes inside a word. */
    private static List<String> split(String text) {
        List<String> raw = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D) {
                // Emoji variation selectors and joiners (the "\u2764\uFE0F" of a red heart) are no letters.
                flush(word, raw);
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if ((cp == '-' || cp == '\u2010' || cp == '\u2011') && word.length() > 0
                    && next < text.length() && Character.isLetterOrDigit(text.codePointAt(next))) {
                word.append('-');
            } else if ((cp == '\'' || cp == '\u2019' || cp == '`') && word.length() > 0) {
                // An apostrophe after a letter ("lagghu'", Madurese "ta'") is spelling, not a break: dropped.
            } else {
                flush(word, raw);
                String emojiWord = EMOJI_WORDS.get(cp);
                if (emojiWord != null) {
                    for (String meaning : emojiWord.split(" ")) {
                        raw.add(EMOJI_MARK + meaning);
                    }
                }
            }
            i = next;
        }
        flush(word, raw);
        return raw;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** Expands one raw word into surface words: hyphens, reduplication, digits, squeezed letters. */
    private void surface(String raw, List<String> out) {
        if (words.containsKey(raw)) {
            out.add(raw);
            return;
        }
        if (raw.indexOf('-') > 0) {
            String[] parts = raw.split("-");
            for (String part : parts) {
                surface(part, out);
            }
            return;
        }
        if (raw.chars().allMatch(Character::isDigit)) {
            out.add(NUMBER);
            return;
        }
        // "langkah2", "apa2": Indonesian reduplication written with a 2.
        if (raw.length() >= 3 && raw.endsWith("2") && raw.chars().limit(raw.length() - 1L).allMatch(Character::isLetter)) {
            String base = squeeze(raw.substring(0, raw.length() - 1));
            out.add(base);
            out.add(base);
            return;
        }
        // "500rb", "3th": a number glued to its unit.
        int digits = 0;
        while (digits < raw.length() && Character.isDigit(raw.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < raw.length() && raw.substring(digits).chars().allMatch(Character::isLetter)) {
            out.add(NUMBER);
            out.add(squeeze(raw.substring(digits)));
            return;
        }
        out.add(squeeze(raw));
    }

    /**
     * Squeezes letters typed three times or more ("halooo", "bangeeet", "maaaf"): to two when that makes a
     * word the lexicon knows, else to one. A doubled last letter ("haloo") is dropped when that makes a
     * known word.
     */
    String squeeze(String word) {
        if (vocabulary.contains(word) || word.length() < 3) {
            return word;
        }
        String two = collapseRuns(word, 2);
        String one = collapseRuns(word, 1);
        String result;
        if (two.equals(word)) {
            result = word;
        } else if (vocabulary.contains(two)) {
            result = two;
        } else {
            result = one;
        }
        if (!vocabulary.contains(result) && result.length() >= 3
                && result.charAt(result.length() - 1) == result.charAt(result.length() - 2)) {
            String shorter = result.substring(0, result.length() - 1);
            if (vocabulary.contains(shorter)) {
                return shorter;
            }
        }
        return result;
    }

    /** Cuts every run of three or more equal letters down to {@code keep}; shorter runs stay. */
    private static String collapseRuns(String word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int j = i;
            while (j < word.length() && word.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            int kept = run >= 3 && Character.isLetter(c) ? keep : run;
            for (int k = 0; k < kept; k++) {
                out.append(c);
            }
            i = j;
        }
        return out.toString();
    }

    private List<String> applyLexicon(List<String> surface) {
        List<String> out = new ArrayList<>(surface.size() + 4);
        int i = 0;
        while (i < surface.size()) {
            Phrase phrase = phraseAt(surface, i);
            if (phrase != null) {
                out.addAll(phrase.canonical());
                i += phrase.variant().size();
                continue;
            }
            String word = surface.get(i);
            List<String> canonical = words.get(word);
            if (canonical != null) {
                out.addAll(canonical);
            } else {
                out.add(word);
            }
            i++;
        }
        return out;
    }

    private Phrase phraseAt(List<String> surface, int start) {
        List<Phrase> candidates = phrasesByFirstWord.get(surface.get(start));
        if (candidates == null) {
            return null;
        }
        for (Phrase phrase : candidates) {
            int n = phrase.variant().size();
            if (start + n <= surface.size() && surface.subList(start, start + n).equals(phrase.variant())) {
                return phrase;
            }
        }
        return null;
    }
}
