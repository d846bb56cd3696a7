package id.klinikumkm.bot.admin;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Words for case values on the staff pages. */
public final class CaseLabels {
    private static final Map<String, String> STATUS = Map.of("new", "Baru (antrean)", "assigned", "Diteruskan ke petugas",
            "in_progress", "Sedang ditangani", "waiting_user", "Menunggu balasan pengguna", "resolved", "Selesai",
            "closed", "Ditutup");
    private static final Map<String, String> NEEDS = Map.of("legal", "Legalitas", "packaging", "Kemasan & label",
            "halal", "Halal", "other", "Lainnya");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", Locale.forLanguageTag("id-ID"));
    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private CaseLabels() {}

    public static String status(String status) {
        return STATUS.getOrDefault(status, status);
    }

    /** "legal,halal" -> "Legalitas, Halal". */
    public static String needs(String needs) {
        return needs == null ? "" : Arrays.stream(needs.split(",")).filter(n -> !n.isEmpty())
                .map(n -> NEEDS.getOrDefault(n, n)).collect(Collectors.joining(", "));
    }

    public static String time(OffsetDateTime at) {
        return at == null ? "—" : TIME.format(at.atZoneSameInstant(ZONE));
    }

    public static String text(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }
}
