package id.klinikumkm.bot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "081234567890"               | +6281234567890
            "0812 3456 7890"             | +6281234567890
            "0812-3456-7890"             | +6281234567890
            "0812.3456.7890"             | +6281234567890
            "0812/3456/7890"             | +6281234567890
            "(0812) 3456-7890"           | +6281234567890
            "  0812 3456 7890  "         | +6281234567890
            "+62 812 3456 7890"          | +6281234567890
            "+62-812-3456-7890"          | +6281234567890
            "+6281234567890"             | +6281234567890
            "62 812 3456 7890"           | +6281234567890
            "6281234567890"              | +6281234567890
            "0062 812 3456 7890"         | +6281234567890
            "+62 (0)812 3456 7890"       | +6281234567890
            "81234567890"                | +6281234567890
            "hp: 0812 3456 7890"         | +6281234567890
            "WA 085234567890"            | +6285234567890
            "No. HP 0812-3456-7890"      | +6281234567890
            "Telp.081334455667"          | +6281334455667
            "whatsapp: +62 857 1234 5678"| +6285712345678
            "0812345678"                 | +62812345678
            "08123456789"                | +628123456789
            "0812345678901"              | +62812345678901
            "081234567"                  | TOO_SHORT
            "0812"                       | TOO_SHORT
            "+62"                        | TOO_SHORT
            "0"                          | TOO_SHORT
            "08123456789012"             | TOO_LONG
            "+62 812 3456 7890 12"       | TOO_LONG
            "0335 421234"                | LANDLINE
            "(0335) 421234"              | LANDLINE
            "021 5550 1234"              | LANDLINE
            "+62 335 421234"             | LANDLINE
            "62335421234"                | LANDLINE
            "+60 12 345 6789"            | FOREIGN
            "+1 415 555 0100"            | FOREIGN
            "0060 12 345 6789"           | FOREIGN
            "0812 3456 789O"             | NOT_A_NUMBER
            "nomer saya 0812 3456 7890"  | NOT_A_NUMBER
            "0812-3456-7890 (Siti)"      | NOT_A_NUMBER
            "0812+34567890"              | NOT_A_NUMBER
            "++6281234567890"            | NOT_A_NUMBER
            "0812_3456_7890"             | NOT_A_NUMBER
            "---"                        | NOT_A_NUMBER
            "1234567890"                 | NOT_A_NUMBER
            ""                           | EMPTY
            "   "                        | EMPTY
            "hp:"                        | EMPTY
            """)
    void reads_typed_numbers(String typed, String expected) {
        assertEquals(expected(expected), PhoneNumbers.read(typed));
    }

    static Stream<Arguments> invisibleCharacters() {
        return Stream.of(
                Arguments.of("0812\u200B3456\u200B7890", "+6281234567890"),
                Arguments.of("\uFEFF0812 3456 7890", "+6281234567890"),
                Arguments.of("0812\u00A03456\u202F7890", "+6281234567890"),
                Arguments.of("0812\u20603456\u200D7890", "+6281234567890"),
                Arguments.of("\uFF10\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10", "+6281234567890"),
                Arguments.of("0812 3456 7890 \uD83D\uDE4F", "NOT_A_NUMBER"),
                Arguments.of("\u200B\u00A0", "EMPTY"),
                Arguments.of("0812\t3456\n7890", "+6281234567890"));
    }

    @ParameterizedTest
    @MethodSource("invisibleCharacters")
    void treats_invisible_and_odd_spaces_as_spaces(String typed, String expected) {
        assertEquals(expected(expected), PhoneNumbers.read(typed));
    }

    @Test
    void null_is_empty() {
        assertEquals(new PhoneCheck.Invalid(PhoneCheck.Problem.EMPTY), PhoneNumbers.read(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +6281234567890  | 0812-3456-7890
            +62812345678    | 0812-345-678
            +628123456789   | 0812-345-6789
            +62812345678901 | 0812-3456-78901
            +60123456789    | +60123456789
            """)
    void displays_numbers_the_indonesian_way(String e164, String shown) {
        assertEquals(shown, PhoneNumbers.display(e164));
    }

    private static PhoneCheck expected(String expected) {
        return expected.startsWith("+")
                ? new PhoneCheck.Valid(expected)
                : new PhoneCheck.Invalid(PhoneCheck.Problem.valueOf(expected));
    }
}
