package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The example files: any well-formed key is an intent (there is no fixed list), a malformed line fails. */
class IntentDataFileTest {

    @Test
    void reads_keys_that_are_in_no_list_and_skips_comments_and_blank_lines() {
        List<LabelledText> examples = IntentDataFile.parse(List.of(
                "# --- legal.start ---",
                "legal.start\tizin apa aja buat jualan frozen food",
                "",
                "other.finance\t  syarat kur bri apa aja  ",
                "out_of_scope\tpajak kendaraan motor telat"), "test.train");

        assertThat(examples).extracting(LabelledText::intent).containsExactly("legal.start", "other.finance", "out_of_scope");
        assertThat(examples.get(1).text()).isEqualTo("syarat kur bri apa aja");
        assertThat(examples).extracting(LabelledText::line).containsExactly(2, 4, 5);
    }

    @Test
    void a_malformed_key_fails_with_its_line_number() {
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("legal.start\tok", "Legal.Start\tizin apa"), "test.train"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.train line 2").hasMessageContaining("Legal.Start");
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("legal start\tizin apa"), "test.train"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("a.b.c.d.e\tterlalu dalam"), "test.train"))
                .hasMessageContaining("malformed intent key");
    }

    @Test
    void a_line_without_tab_or_text_and_a_file_without_examples_fail() {
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("legal.start izin apa"), "t")).hasMessageContaining("key<TAB>text");
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("legal.start\t   "), "t")).hasMessageContaining("empty text");
        assertThatThrownBy(() -> IntentDataFile.parse(List.of("# only a comment", ""), "t")).hasMessageContaining("no examples");
    }

    @Test
    void the_lines_after_the_hard_marker_form_the_hard_section_and_still_belong_to_the_whole_file() {
        IntentDataFile.Sections sections = IntentDataFile.sections(List.of(
                "legal.start\tizin apa aja buat jualan frozen food",
                "# === hard ===",
                "smalltalk.thanks\tmatur suwun sanget",
                "out_of_scope\tresep rendang"), "t.test");

        assertThat(sections.all()).hasSize(3);
        assertThat(sections.hard()).hasValueSatisfying(hard ->
                assertThat(hard).extracting(LabelledText::intent).containsExactly("smalltalk.thanks", "out_of_scope"));
        assertThat(IntentDataFile.sections(List.of("legal.start\tizin apa"), "t").hard()).isEmpty();
    }
}
