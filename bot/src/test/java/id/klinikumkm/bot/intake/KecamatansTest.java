package id.klinikumkm.bot.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KecamatansTest {

    @Test
    void lists_the_24_kecamatan_in_bps_order() {
        assertEquals(List.of(
                "Sukapura", "Sumber", "Kuripan", "Bantaran", "Leces", "Tegalsiwalan", "Banyuanyar", "Tiris",
                "Krucil", "Gading", "Pakuniran", "Kotaanyar", "Paiton", "Besuk", "Kraksaan", "Krejengan",
                "Pajarakan", "Maron", "Gending", "Dringu", "Wonomerto", "Lumbang", "Tongas", "Sumberasih"),
                Kecamatans.ALL);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "sukapura"                              | Exact      | Sukapura
            "SUMBER"                                | Exact      | Sumber
            "Kec. Kuripan"                          | Exact      | Kuripan
            "kecamatan bantaran"                    | Exact      | Bantaran
            "  leces  "                             | Exact      | Leces
            "Tegalsiwalan"                          | Exact      | Tegalsiwalan
            "Banyuanyar"                            | Exact      | Banyuanyar
            "kec tiris"                             | Exact      | Tiris
            "Krucil, Kab. Probolinggo"              | Exact      | Krucil
            "gading"                                | Exact      | Gading
            "PAKUNIRAN"                             | Exact      | Pakuniran
            "Kotaanyar"                             | Exact      | Kotaanyar
            "Paiton"                                | Exact      | Paiton
            "Besuk"                                 | Exact      | Besuk
            "KEC. KRAKSAAN"                         | Exact      | Kraksaan
            "krejengan probolinggo"                 | Exact      | Krejengan
            "pajarakan"                             | Exact      | Pajarakan
            "Kecamatan Maron Kabupaten Probolinggo" | Exact      | Maron
            "Gending"                               | Exact      | Gending
            "dringu, jawa timur"                    | Exact      | Dringu
            "wOnOmErTo"                             | Exact      | Wonomerto
            "Kab. Probolinggo, Kec. Lumbang"        | Exact      | Lumbang
            "Kec.Tongas"                            | Exact      | Tongas
            "Sumberasih"                            | Exact      | Sumberasih
            "Tegal Siwalan"                         | Exact      | Tegalsiwalan
            "tegal-siwalan"                         | Exact      | Tegalsiwalan
            "Kota Anyar"                            | Exact      | Kotaanyar
            "Sumber Asih"                           | Exact      | Sumberasih
            "sumber asih"                           | Exact      | Sumberasih
            "Krasakan"                              | Exact      | Kraksaan
            "Banyu Anyar"                           | Exact      | Banyuanyar
            "Wono Merto"                            | Exact      | Wonomerto
            "Lécés"                                 | Exact      | Leces
            "kecamatankraksaan"                     | Exact      | Kraksaan
            "1"                                     | Exact      | Sukapura
            "15"                                    | Exact      | Kraksaan
            "24"                                    | Exact      | Sumberasih
            "Lecces"                                | Suggestion | Leces
            "Kraksan"                               | Suggestion | Kraksaan
            "paitin"                                | Suggestion | Paiton
            "sukapra"                               | Suggestion | Sukapura
            "pajarkan"                              | Suggestion | Pajarakan
            "krejegan"                              | Suggestion | Krejengan
            "tegalsiwlan"                           | Suggestion | Tegalsiwalan
            "wonomerta"                             | Suggestion | Wonomerto
            "Kuripna"                               | Suggestion | Kuripan
            "mraon"                                 | Suggestion | Maron
            "sumbre"                                | Suggestion | Sumber
            "sumberasi"                             | Suggestion | Sumberasih
            "gendig"                                | Suggestion | Gending
            "gadding"                               | Suggestion | Gading
            "kec. bantran"                          | Suggestion | Bantaran
            "besu"                                  | Suggestion | Besuk
            "Mayangan"                              | Outside    | Kota Probolinggo (Mayangan)
            "kec. kanigaran"                        | Outside    | Kota Probolinggo (Kanigaran)
            "KADEMANGAN"                            | Outside    | Kota Probolinggo (Kademangan)
            "Kedopok"                               | Outside    | Kota Probolinggo (Kedopok)
            "Wonoasih"                              | Outside    | Kota Probolinggo (Wonoasih)
            "wonoasi"                               | Outside    | Kota Probolinggo (Wonoasih)
            "mayangn"                               | Outside    | Kota Probolinggo (Mayangan)
            "kota probolinggo"                      | Outside    | Kota Probolinggo
            "Mayangan, Kota Probolinggo"            | Outside    | Kota Probolinggo (Mayangan)
            "Kota Probolinggo kec. Kademangan"      | Outside    | Kota Probolinggo (Kademangan)
            "Besuki"                                | Outside    | Kabupaten Situbondo (Besuki)
            "kec. besuki"                           | Outside    | Kabupaten Situbondo (Besuki)
            "Lumajang"                              | Outside    | Kabupaten Lumajang
            "Jember"                                | Outside    | Kabupaten Jember
            "probolinggo"                           | Unknown    |
            "Surabaya"                              | Unknown    |
            "asdfgh"                                | Unknown    |
            "ok"                                    | Unknown    |
            "0"                                     | Unknown    |
            "25"                                    | Unknown    |
            ""                                      | Unknown    |
            "   "                                   | Unknown    |
            """)
    void matches_typed_kecamatan(String typed, String kind, String name) {
        assertEquals(expected(kind, name), Kecamatans.match(typed));
    }

    @Test
    void null_is_unknown() {
        assertEquals(new KecamatanMatch.Unknown(), Kecamatans.match(null));
    }

    @Test
    void every_listed_name_matches_itself_exactly() {
        for (String name : Kecamatans.ALL) {
            assertEquals(new KecamatanMatch.Exact(name), Kecamatans.match(name.toUpperCase(Locale.ROOT)));
        }
    }

    private static KecamatanMatch expected(String kind, String name) {
        return switch (kind) {
            case "Exact" -> new KecamatanMatch.Exact(name);
            case "Suggestion" -> new KecamatanMatch.Suggestion(name);
            case "Outside" -> new KecamatanMatch.Outside(name);
            case "Unknown" -> new KecamatanMatch.Unknown();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
