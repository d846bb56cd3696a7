package id.klinikumkm.bot.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the user needs help with: several of legality, packaging and label, halal, other. */
final class Needs {
    static final List<String> ALL = List.of("legal", "packaging", "halal", "other");
    /** Words that name a need, as people type them; a typed answer may name several ("legalitas dan halal"). */
    private static final Map<String, List<String>> WORDS = words();

    private Needs() {}

    private static Map<String, List<String>> words() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("legal", List.of("legal", "legalitas", "izin", "ijin", "perizinan", "nib", "oss", "pirt", "p-irt", "spp-irt",
                "sppirt", "bpom", "md", "merek", "merk", "haki", "kbli"));
        words.put("packaging", List.of("kemasan", "kemas", "packaging", "label", "desain", "design", "logo", "stiker", "sticker"));
        words.put("halal", List.of("halal", "sertifikat halal", "sihalal", "self declare", "self-declare"));
        words.put("other", List.of("lain", "lainnya", "lain-lain", "modal", "pemasaran", "jualan", "kur", "pinjaman"));
        return words;
    }

    /** The needs a typed answer names: words or option numbers ("1 3"); empty when it names none. */
    static Set<String> read(String typed) {
        String text = " " + typed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ").strip() + " ";
        Set<String> found = new TreeSet<>();
        for (String word : text.strip().split(" ")) {
            if (word.matches("[1-4]")) {
                found.add(ALL.get(Integer.parseInt(word) - 1));
            }
        }
        WORDS.forEach((need, names) -> {
            if (names.stream().anyMatch(name -> text.contains(" " + name + " ") || text.contains(" " + name + "nya "))) {
                found.add(need);
            }
        });
        return found;
    }

    /** Stored as "halal,legal" (sorted in the order offered). */
    static List<String> parse(String slot) {
        List<String> needs = new ArrayList<>();
        for (String need : ALL) {
            if (("," + slot + ",").contains("," + need + ",")) {
                needs.add(need);
            }
        }
        return needs;
    }

    static String format(Iterable<String> needs) {
        List<String> ordered = new ArrayList<>();
        for (String need : ALL) {
            for (String chosen : needs) {
                if (chosen.equals(need)) {
                    ordered.add(need);
                }
            }
        }
        return String.join(",", ordered);
    }

    /** The need a FAQ topic key belongs to ({@code halal.cost} is halal), if it is one of the clinic's three. */
    static Optional<String> ofTopic(String key) {
        String area = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return List.of("legal", "packaging", "halal").contains(area) ? Optional.of(area) : Optional.empty();
    }
}
