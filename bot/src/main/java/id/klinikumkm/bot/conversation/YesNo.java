package id.klinikumkm.bot.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a typed yes or no, as people answer a question in chat (Indonesian, Javanese, Madurese, English):
 * "iya boleh" is yes, "gak usah" and "tidak setuju" are no, anything else is neither.
 */
public final class YesNo {
    private static final Set<String> YES = Set.of("ya", "iya", "iyaa", "iyo", "yoi", "y", "yes", "ok", "oke", "okay",
            "okey", "setuju", "boleh", "bole", "mau", "nggih", "inggih", "enggih", "injih", "sip", "siap", "lanjut",
            "benar", "betul", "silakan", "monggo", "saja", "aja", "deh", "kak", "pak", "bu");
    private static final Set<String> NEGATIONS = Set.of("tidak", "tdk", "gak", "ga", "nggak", "ngga", "enggak", "engga",
            "ndak", "nda", "no", "n", "jangan", "mboten", "ora", "enjek", "batal", "usah");

    private YesNo() {}

    /** True for yes, false for no, empty for anything else. */
    public static Optional<Boolean> read(String text) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (NEGATIONS.contains(words.get(0)) && words.stream().allMatch(w -> NEGATIONS.contains(w) || YES.contains(w))) {
            return Optional.of(false);
        }
        if (words.stream().allMatch(YES::contains)) {
            return Optional.of(true);
        }
        return Optional.empty();
    }
}
