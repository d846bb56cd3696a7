package id.klinikumkm.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void removes_nul_and_control_characters_but_keeps_line_breaks() {
        assertEquals("ab\ncd\te", TextCleaner.clean("a\u0000b\r\ncd\te\u0007"));
    }

    @Test
    void replaces_lone_surrogates_and_keeps_emoji() {
        assertEquals("x\uFFFDy 🙏", TextCleaner.clean("x\uD800y 🙏"));
    }

    @Test
    void composes_to_nfc() {
        assertEquals("é", TextCleaner.clean("e\u0301"));
    }

    @Test
    void leaves_html_as_plain_text() {
        assertEquals("<b>Bu Siti</b> & co", TextCleaner.clean("<b>Bu Siti</b> & co"));
    }
}
