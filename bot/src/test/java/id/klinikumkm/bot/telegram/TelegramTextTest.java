package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void escapes_html_special_characters_only() {
        assertEquals("&lt;b&gt;Bu Siti &amp; Pak Budi&lt;/b&gt; — Rp 10.000 ✅",
                TelegramText.html("<b>Bu Siti & Pak Budi</b> — Rp 10.000 ✅"));
    }

    @Test
    void short_text_is_one_part() {
        assertEquals(List.of("halo"), TelegramText.split("halo", 4096));
    }

    @Test
    void long_text_is_split_at_paragraph_boundaries_within_the_limit() {
        String paragraph = "Syarat NIB: KTP, NPWP, email aktif. ".repeat(20).strip();
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph, paragraph, paragraph, paragraph);
        List<String> parts = TelegramText.split(text, 4096);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(parts).allSatisfy(p -> assertThat(p).startsWith("Syarat NIB").endsWith("email aktif."));
        assertEquals(text, String.join("\n\n", parts));
    }

    @Test
    void text_without_breaks_is_cut_hard_and_never_inside_an_emoji() {
        String text = "a".repeat(4095) + "🙏" + "b".repeat(10);
        List<String> parts = TelegramText.split(text, 4096);
        assertEquals(2, parts.size());
        assertEquals("a".repeat(4095), parts.get(0));
        assertThat(parts.get(1)).startsWith("🙏");
    }

    @org.junit.jupiter.api.Test
    void bold_markup_becomes_b_after_everything_else_is_escaped() {
        org.assertj.core.api.Assertions.assertThat(TelegramText.html("**Biaya <NIB>** & <b>x</b> ** kosong"))
                .isEqualTo("<b>Biaya &lt;NIB&gt;</b> &amp; &lt;b&gt;x&lt;/b&gt; ** kosong");
    }

    @org.junit.jupiter.api.Test
    void two_short_buttons_share_a_row_and_a_long_one_stands_alone() {
        var rows = TelegramText.rows(java.util.List.of("👍 Membantu", "👎 Kurang membantu", "Konsultasi dengan Petugas",
                "Legalitas", "Kemasan & Label", "Halal"), label -> label);
        org.assertj.core.api.Assertions.assertThat(rows).containsExactly(java.util.List.of("👍 Membantu", "👎 Kurang membantu"),
                java.util.List.of("Konsultasi dengan Petugas"), java.util.List.of("Legalitas", "Kemasan & Label"),
                java.util.List.of("Halal"));
    }
}
