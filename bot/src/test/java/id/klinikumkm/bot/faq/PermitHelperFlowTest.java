package id.klinikumkm.bot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the permit helper reads a typed product kind. */
class PermitHelperFlowTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "keripik pisang | packaged",
            "Sambel botolan pedas | packaged",
            "kripiknya singkong | packaged",
            "frozen food nugget | bpom",
            "kue kering tapi disimpan di freezer | bpom",
            "saya buka warung nasi | ready_to_eat",
            "katering buat hajatan | ready_to_eat",
            "sabun herbal | non_food",
            "kerajinan anyaman bambu | non_food",
            "belum tahu kak | unsure",
            "3 | bpom",
            "1 | packaged",
    })
    void a_typed_answer_names_its_product_kind(String typed, String kind) {
        assertThat(PermitHelperFlow.kindOf(typed)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource({"berapa biaya halal", "nasional", "9", "teknik"})
    void other_text_names_no_kind(String typed) {
        assertThat(PermitHelperFlow.kindOf(typed)).isEmpty();
    }
}
