package id.klinikumkm.bot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextFieldsTest {

    static Stream<Arguments> cleaning() {
        return Stream.of(
                Arguments.of("  Siti \t Aminah\n ", "Siti Aminah"),
                Arguments.of("Si\u200Bti\u200C Ami\u200Dnah\u2060", "Siti Aminah"),
                Arguments.of("\uFEFFSiti", "Siti"),
                Arguments.of("\u202ESiti\u202C \u2066Aminah\u2069", "Siti Aminah"),
                // A joiner between emoji makes one emoji and stays; anywhere else it is dropped.
                Arguments.of("Dapur 👩\u200D🍳 dan 👨\u200D👩\u200D👧 👍🏽\u200D", "Dapur 👩\u200D🍳 dan 👨\u200D👩\u200D👧 👍🏽"),
                Arguments.of("\u200DSiti\u200D🍳 👩\u200Da", "Siti🍳 👩a"),
                Arguments.of("Siti\u00A0\u00A0Aminah", "Siti Aminah"),
                Arguments.of("Si\0ti\u0007\u0085Aminah", "Siti Aminah"),
                Arguments.of("Zoe\u0301", "Zo\u00E9"),
                Arguments.of("x\uD800y", "xy"),
                Arguments.of("<b>Siti</b> & co", "<b>Siti</b> & co"),
                Arguments.of(null, ""));
    }

    @ParameterizedTest
    @MethodSource("cleaning")
    void cleans_single_line_text(String typed, String cleaned) {
        assertEquals(cleaned, TextFields.clean(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Siti Aminah"                  | "Siti Aminah"
            "  siti   aminah "             | "siti aminah"
            "H. Moh. Sholeh"               | "H. Moh. Sholeh"
            "Nur'aini"                     | "Nur'aini"
            "Nur’aini"                     | "Nur’aini"
            "Ni Luh Putu Ayu"              | "Ni Luh Putu Ayu"
            "Dewi S.Pd."                   | "Dewi S.Pd."
            "Ahmad Fauzi, S.E."            | "Ahmad Fauzi, S.E."
            "Siti-Maryam"                  | "Siti-Maryam"
            "Bu Tutik (Sri Rahayu)"        | "Bu Tutik (Sri Rahayu)"
            "Zoë"                          | "Zoë"
            "محمد"                         | "محمد"
            "Jo"                           | "Jo"
            ""                             | EMPTY
            "    "                         | EMPTY
            "A"                            | TOO_SHORT
            "Siti 2"                       | HAS_DIGITS
            "Agus17"                       | HAS_DIGITS
            "1"                            | HAS_DIGITS
            "081234567890"                 | LOOKS_LIKE_PHONE
            "0812-3456-7890"               | LOOKS_LIKE_PHONE
            "Siti 081234567890"            | LOOKS_LIKE_PHONE
            "Siti 🙏"                      | SYMBOLS
            "<b>Siti</b>"                  | SYMBOLS
            "siti@gmail.com"               | SYMBOLS
            "#siti"                        | SYMBOLS
            "Siti & Agus"                  | SYMBOLS
            "..."                          | NO_LETTERS
            "-"                            | NO_LETTERS
            """)
    void checks_person_names(String typed, String expected) {
        assertEquals(expected(expected), TextFields.personName(typed));
    }

    @Test
    void person_names_lose_invisible_characters() {
        assertEquals(new FieldCheck.Valid("Siti Aminah"), TextFields.personName("\u200BSiti\u200B Ami\u2060nah"));
        assertEquals(invalid(FieldCheck.Problem.EMPTY), TextFields.personName("\u200B\u200B"));
        assertEquals(invalid(FieldCheck.Problem.EMPTY), TextFields.personName(null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Toko 99"                     | "Toko 99"
            "UD Sumber Rejeki 2"          | "UD Sumber Rejeki 2"
            "<b>Keripik</b>"              | "<b>Keripik</b>"
            "Warung Bu Siti 🍜"           | "Warung Bu Siti 🍜"
            "CV. Maju-Jaya  &  Co"        | "CV. Maju-Jaya & Co"
            "99"                          | NO_LETTERS
            "🍜🍜"                         | NO_LETTERS
            "A"                           | TOO_SHORT
            ""                            | EMPTY
            """)
    void checks_business_names(String typed, String expected) {
        assertEquals(expected(expected), TextFields.businessName(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Keripik tempe"               | "Keripik tempe"
            "Batik tulis motif mangga"    | "Batik tulis motif mangga"
            "Kopi 250 gr"                 | "Kopi 250 gr"
            "123"                         | NO_LETTERS
            "x"                           | TOO_SHORT
            "   "                         | EMPTY
            """)
    void checks_products(String typed, String expected) {
        assertEquals(expected(expected), TextFields.product(typed));
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of(field(TextFields::personName), "a".repeat(80), "a".repeat(80)),
                Arguments.of(field(TextFields::personName), "a".repeat(81), "TOO_LONG"),
                Arguments.of(field(TextFields::personName), " " + "a".repeat(80) + "\u200B ", "a".repeat(80)),
                Arguments.of(field(TextFields::businessName), "b".repeat(80), "b".repeat(80)),
                Arguments.of(field(TextFields::businessName), "b".repeat(81), "TOO_LONG"),
                Arguments.of(field(TextFields::product), "p".repeat(120), "p".repeat(120)),
                Arguments.of(field(TextFields::product), "p".repeat(121), "TOO_LONG"),
                Arguments.of(field(TextFields::description), "d".repeat(1000), "d".repeat(1000)),
                Arguments.of(field(TextFields::description), "d".repeat(1001), "TOO_LONG"),
                Arguments.of(field(TextFields::description), "d\n".repeat(500), "d\n".repeat(499) + "d"),
                Arguments.of(field(TextFields::description), "d\n".repeat(501), "TOO_LONG"));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void refuses_rather_than_cuts_long_text(Function<String, FieldCheck> field, String typed, String expected) {
        assertEquals(expected(expected), field.apply(typed));
    }

    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of("Saya jual keripik.\nOmzet turun.", "Saya jual keripik.\nOmzet turun."),
                Arguments.of("Saya jual keripik.\r\nOmzet turun.", "Saya jual keripik.\nOmzet turun."),
                Arguments.of("  Saya   jual\t keripik  \n  tempe  ", "Saya jual keripik\ntempe"),
                Arguments.of("Baris satu\n\n\n\n\nBaris dua", "Baris satu\n\n\nBaris dua"),
                Arguments.of("Baris satu\n \n\t\n\u200B\nBaris dua", "Baris satu\n\n\nBaris dua"),
                Arguments.of("\n\n\nHalo saya Siti\n\n\n", "Halo saya Siti"),
                Arguments.of("Perlu\u2028izin PIRT", "Perlu\nizin PIRT"),
                Arguments.of("<script>x</script> tolong", "<script>x</script> tolong"),
                Arguments.of("terlalu", "TOO_SHORT"),
                Arguments.of("1234567890", "NO_LETTERS"),
                Arguments.of("\n\n\n", "EMPTY"),
                Arguments.of(null, "EMPTY"));
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void checks_descriptions_keeping_line_breaks(String typed, String expected) {
        assertEquals(expected(expected), TextFields.description(typed));
    }

    private static Function<String, FieldCheck> field(Function<String, FieldCheck> check) {
        return check;
    }

    private static FieldCheck expected(String expected) {
        return isProblem(expected)
                ? invalid(FieldCheck.Problem.valueOf(expected))
                : new FieldCheck.Valid(expected);
    }

    private static boolean isProblem(String name) {
        return Stream.of(FieldCheck.Problem.values()).anyMatch(p -> p.name().equals(name));
    }

    private static FieldCheck invalid(FieldCheck.Problem problem) {
        return new FieldCheck.Invalid(problem);
    }
}
