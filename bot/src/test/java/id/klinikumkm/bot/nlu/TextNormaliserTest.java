package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.klinikumkm.bot.testing.RepoFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normaliser with the project's real lexicon, on messages written the way people chat. */
class TextNormaliserTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.load(RepoFiles.nlpModels().resolve(NluModels.LEXICON_FILE));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gmn cara bikin nib kak                       | bagaimana cara buat nib kakak
            sertifkat halal gratis syarate opo           | sertifikat halal gratis syarat apa
            BIAYA PIRT BRP                               | biaya pirt berapa
            Gak ngerti, ndak paham, nggak bisa           | tidak mengerti tidak paham tidak bisa
            piye carane gawe nib                         | bagaimana cara buat nib
            yok opo carane daftar nib rek                | bagaimana cara daftar nib rek
            engkok terro aghabay nib, daremma caranya    | saya ingin buat nib bagaimana cara
            kulo badhe damel PIRT, syaratipun menapa     | saya ingin buat pirt syarat apa
            Halooo kakkk                                 | halo kakak
            maaaf mau tanya                              | maaf ingin tanya
            makasiiih bangeeet 👍                        | terima kasih sangat
            cara daftar nib kak 🙏🙏                     | cara daftar nib kakak
            sertifikat halal berapa lama??? 😅😅        | sertifikat halal berapa lama
            P-IRT atau SPP IRT atau spp-irt?             | pirt atau pirt atau pirt
            langkah2 daftar oss                          | langkah langkah daftar oss
            syarat-syarat halal apa-apa aja              | syarat syarat halal apa apa saja
            ＮＩＢ　ｇｒａｔｉｓ？                      | nib gratis
            lagghu' ojhan ta'?                           | lagghu ojhan ta
            sy jual 500rb per 3 bln                      | saya jual #num rb per #num bulan
            cek di www.oss.go.id atau oss.go.id/daftar   | cek di url atau oss go id daftar
            how much does halal certification cost       | berapa does halal sertifikasi biaya
            """)
    void normalises_real_looking_messages(String typed, String expected) {
        assertThat(NORMALISER.normalise(typed)).isEqualTo(expected);
    }

    @Test
    void emoji_alone_say_something_but_beside_words_they_only_separate() {
        assertThat(NORMALISER.normalise("🙏🙏")).isEqualTo("terima kasih terima kasih");
        assertThat(NORMALISER.normalise("❤️❤️")).isEqualTo("terima kasih terima kasih");
        assertThat(NORMALISER.normalise("👏👏🔥")).isEqualTo("mantap mantap mantap");
        assertThat(NORMALISER.normalise("mantap ❤️ kak")).isEqualTo(NORMALISER.normalise("mantap kak"));
        assertThat(NORMALISER.normalise("👍")).isEqualTo("oke");
        assertThat(NORMALISER.normalise("👋😊")).isEqualTo("halo");
        assertThat(NORMALISER.normalise("mohon infonya🙏syarat halal")).isEqualTo("mohon infonya syarat halal");
    }

    @Test
    void regional_thanks_praise_and_question_words_and_names_left_alone() {
        assertThat(NORMALISER.normalise("matursuwun, jos gandos")).isEqualTo("terima kasih mantap");
        assertThat(NORMALISER.normalise("mator sakalangkong")).isEqualTo("terima kasih");
        assertThat(NORMALISER.normalise("halal majar sanapa")).endsWith("berapa");
        assertThat(NORMALISER.normalise("dokumen yg diupload")).isEqualTo(NORMALISER.normalise("dokumen yg diunggah"));
        // The intake asks for a name and relies on a name not being understood: Slamet stays a name.
        assertThat(NORMALISER.normalise("Slamet Riyadi")).isEqualTo("slamet riyadi");
    }

    @Test
    void punctuation_emoji_and_empty_messages_leave_no_words() {
        assertThat(NORMALISER.tokens("?!... 😂🤔 ---")).isEmpty();
        assertThat(NORMALISER.tokens("")).isEmpty();
    }

    @Test
    void e_mail_addresses_are_replaced_not_kept() {
        assertThat(NORMALISER.normalise("email saya siti.aminah@gmail.com ya")).isEqualTo("email saya email ya");
    }

    @Test
    void squeezing_keeps_real_double_letters_and_known_words() {
        assertThat(NORMALISER.squeeze("maaf")).isEqualTo("maaf");
        assertThat(NORMALISER.squeeze("maaaaf")).isEqualTo("maaf");
        assertThat(NORMALISER.squeeze("tolooong")).isEqualTo("tolong");
        assertThat(NORMALISER.squeeze("sertifikaaat")).isEqualTo("sertifikat");
    }

    @Test
    void a_malformed_lexicon_line_fails_with_its_line_number() {
        assertThatThrownBy(() -> TextNormaliser.parse(List.of("# header", "gmn\tbagaimana", "brp berapa"), "lex.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lex.tsv line 3");
        assertThatThrownBy(() -> TextNormaliser.parse(List.of("gmn\tbagaimana", "gmn\tgimana"), "lex.tsv"))
                .hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> TextNormaliser.parse(List.of("GMN\tbagaimana"), "lex.tsv"))
                .hasMessageContaining("lower case");
    }

    @Test
    void phrases_win_over_single_words() {
        TextNormaliser lexicon = TextNormaliser.parse(List.of("yok opo\tbagaimana", "opo\tapa", "spp irt\tpirt"), "test");
        assertThat(lexicon.normalise("Yok opo SPP IRT, opo?")).isEqualTo("bagaimana pirt apa");
    }
}
