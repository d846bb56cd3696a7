package id.klinikumkm.bot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateIntakeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "{""t"":""a\\u0000b""}"          | "{""t"":""a\\uFFFDb""}"
            "{""t"":""\\u0000\\u0000""}"     | "{""t"":""\\uFFFD\\uFFFD""}"
            "{""t"":""\\\\u0000""}"          | "{""t"":""\\\\u0000""}"
            "{""t"":""\\\\\\u0000""}"        | "{""t"":""\\\\\\uFFFD""}"
            "{""t"":""\\u00001""}"           | "{""t"":""\\uFFFD1""}"
            """)
    void a_nul_escape_becomes_the_replacement_character_and_an_escaped_backslash_stays(String payload, String stored) {
        assertEquals(stored, UpdateIntake.storable(payload));
    }

    @org.junit.jupiter.api.Test
    void a_payload_without_a_nul_is_left_as_it_is() {
        String payload = "{\"update_id\":1,\"message\":{\"text\":\"halo \\\\ \\u00e9\"}}";
        assertSame(payload, UpdateIntake.storable(payload));
    }
}
