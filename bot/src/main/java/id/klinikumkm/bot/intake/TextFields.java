package id.klinikumkm.bot.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans and checks the free-text answers of the intake form. Text is cleaned before it is measured, so
 * invisible characters pasted from chats neither count towards a limit nor end up in a case; text that is too
 * long is refused rather than cut, so nobody loses the end of what they wrote without noticing.
 */
public final class TextFields {
    public static final int NAME_MAX = 80;
    public static final int BUSINESS_MAX = 80;
    public static final int PRODUCT_MAX = 120;
    public static final int DESCRIPTION_MAX = 1000;

    private static final int SHORT_MIN = 2;
    private static final int DESCRIPTION_MIN = 10;
    private static final int MAX_BLANK_LINES = 2;
    private static final int PHONE_DIGITS = 6;
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u200B\\u200C\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]|[\\p{Cc}&&[^\\t\\n\\u000B\\f\\r\\u0085]]");
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final Pattern SPACES = Pattern.compile("[\\t\\n\\u000B\\f\\r\\u0085\\p{Z}]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|[\\n\\r\\u0085\\u2028\\u2029]");
    private static final String NAME_PUNCTUATION = " .'\u2019-,()";

    private TextFields() {}

    /** One line of text as it should be stored: null-safe, so a missing answer cleans to the empty string. */
    public static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String visible = Normalizer.normalize(withoutStrayJoiners(INVISIBLE.matcher(withoutLoneSurrogates(typed)).replaceAll("")),
                Normalizer.Form.NFC);
        return SPACES.matcher(visible).replaceAll(" ").strip();
    }

    public static FieldCheck personName(String typed) {
        String name = clean(typed);
        FieldCheck.Problem problem = lengthProblem(name, SHORT_MIN, NAME_MAX);
        if (problem == null) {
            problem = nameProblem(name);
        }
        return checked(name, problem);
    }

    public static FieldCheck businessName(String typed) {
        return plainText(clean(typed), SHORT_MIN, BUSINESS_MAX);
    }

    public static FieldCheck product(String typed) {
        return plainText(clean(typed), SHORT_MIN, PRODUCT_MAX);
    }

    /** Line breaks are kept because people list their problems line by line; long runs of blank lines are not. */
    public static FieldCheck description(String typed) {
        return plainText(cleanLines(typed), DESCRIPTION_MIN, DESCRIPTION_MAX);
    }

    private static String cleanLines(String typed) {
        List<String> lines = new ArrayList<>();
        int blanks = 0;
        for (String line : LINE_BREAKS.split(typed == null ? "" : typed, -1)) {
            String cleaned = clean(line);
            blanks = cleaned.isEmpty() ? blanks + 1 : 0;
            if (blanks <= MAX_BLANK_LINES) {
                lines.add(cleaned);
            }
        }
        return String.join("\n", lines).strip();
    }

    private static FieldCheck plainText(String text, int min, int max) {
        FieldCheck.Problem problem = lengthProblem(text, min, max);
        if (problem == null && !hasLetter(text)) {
            problem = FieldCheck.Problem.NO_LETTERS;
        }
        return checked(text, problem);
    }

    /** Too short is only said of text with a letter: a lone digit or sign is the wrong kind of answer, not a short one. */
    private static FieldCheck.Problem lengthProblem(String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        if (length == 0) {
            return FieldCheck.Problem.EMPTY;
        }
        if (length > max) {
            return FieldCheck.Problem.TOO_LONG;
        }
        return length < min && hasLetter(text) ? FieldCheck.Problem.TOO_SHORT : null;
    }

    /** A phone number typed into the name field is the commonest mix-up of the form, so it gets its own hint. */
    private static FieldCheck.Problem nameProblem(String name) {
        long digits = name.codePoints().filter(Character::isDigit).count();
        long letters = name.codePoints().filter(Character::isLetter).count();
        if (digits >= PHONE_DIGITS && digits > letters) {
            return FieldCheck.Problem.LOOKS_LIKE_PHONE;
        }
        if (digits > 0) {
            return FieldCheck.Problem.HAS_DIGITS;
        }
        if (!name.codePoints().allMatch(TextFields::belongsInName)) {
            return FieldCheck.Problem.SYMBOLS;
        }
        return letters == 0 ? FieldCheck.Problem.NO_LETTERS : null;
    }

    private static boolean belongsInName(int c) {
        return Character.isLetter(c) || isMark(c) || NAME_PUNCTUATION.indexOf(c) >= 0;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * Zero-width joiners are invisible and can hide inside a word, but between two emoji they make one
     * ("👩‍🍳" is a cook, not a woman and a pan): only those are kept.
     */
    private static String withoutStrayJoiners(String text) {
        if (text.indexOf(ZERO_WIDTH_JOINER) < 0) {
            return text;
        }
        int[] points = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < points.length; i++) {
            boolean joinsEmoji = points[i] == ZERO_WIDTH_JOINER && i > 0 && i + 1 < points.length
                    && endsEmoji(points[i - 1]) && Character.getType(points[i + 1]) == Character.OTHER_SYMBOL;
            if (points[i] != ZERO_WIDTH_JOINER || joinsEmoji) {
                out.appendCodePoint(points[i]);
            }
        }
        return out.toString();
    }

    private static boolean endsEmoji(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || c == EMOJI_PRESENTATION;
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.getType(c) != Character.SURROGATE).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static FieldCheck checked(String value, FieldCheck.Problem problem) {
        return problem == null ? new FieldCheck.Valid(value) : new FieldCheck.Invalid(problem);
    }
}
