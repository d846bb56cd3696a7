package id.klinikumkm.bot.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the clinic's staff work, as configured ({@code clinic.hours}: {@code mon-thu 08:00-15:30; fri 08:00-14:00}).
 * Empty when not configured: the bot then says "on working days" and promises no hours it does not know.
 */
public record OfficeHours(List<Span> spans, ZoneId zone) {
    private static final Pattern SPAN = Pattern.compile("([a-z]{3})(?:-([a-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");

    /** Days {@code from} to {@code to} (inclusive, in week order), each from {@code opens} to {@code closes}. */
    public record Span(DayOfWeek from, DayOfWeek to, LocalTime opens, LocalTime closes) {}

    public OfficeHours {
        spans = List.copyOf(spans);
    }

    public boolean isKnown() {
        return !spans.isEmpty();
    }

    /**
     * Reads the configured text; empty text means not configured.
     *
     * @throws IllegalArgumentException with what is wrong, for the configuration error
     */
    public static OfficeHours parse(String text, ZoneId zone) {
        List<Span> spans = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = SPAN.matcher(part.strip());
            if (!m.matches() || !DAYS.containsKey(m.group(1)) || m.group(2) != null && !DAYS.containsKey(m.group(2))) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not like 'mon-thu 08:00-15:30'");
            }
            DayOfWeek from = DAYS.get(m.group(1));
            DayOfWeek to = m.group(2) == null ? from : DAYS.get(m.group(2));
            LocalTime opens = time(m.group(3));
            LocalTime closes = time(m.group(4));
            if (!opens.isBefore(closes) || to.compareTo(from) < 0) {
                throw new IllegalArgumentException("'" + part.strip() + "' ends before it starts");
            }
            spans.add(new Span(from, to, opens, closes));
        }
        return new OfficeHours(spans, zone);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day");
        }
    }

    /** Whether staff work at {@code at}; always false when the hours are not known. */
    public boolean isOpen(java.time.Instant at) {
        java.time.ZonedDateTime local = at.atZone(zone);
        return spans.stream().anyMatch(span -> covers(span, local.getDayOfWeek())
                && !local.toLocalTime().isBefore(span.opens()) && local.toLocalTime().isBefore(span.closes()));
    }

    /** When staff next start work after {@code at} ("Senin, 08.00 WIB"); empty when the hours are not known. */
    public Optional<String> nextOpening(java.time.Instant at) {
        java.time.ZonedDateTime local = at.atZone(zone);
        for (int day = 0; day <= 7; day++) {
            java.time.LocalDate date = local.toLocalDate().plusDays(day);
            for (Span span : spans) {
                java.time.ZonedDateTime opens = date.atTime(span.opens()).atZone(zone);
                if (covers(span, date.getDayOfWeek()) && opens.isAfter(local)) {
                    return Optional.of(dayName(date.getDayOfWeek()) + ", " + CLOCK.format(span.opens()) + " " + zoneName());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean covers(Span span, DayOfWeek day) {
        return day.compareTo(span.from()) >= 0 && day.compareTo(span.to()) <= 0;
    }

    /** "Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–14.00 WIB", or empty when not configured. */
    public Optional<String> describe() {
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Span span : spans) {
            String days = dayName(span.from()) + (span.to() == span.from() ? "" : "–" + dayName(span.to()));
            parts.add(days + " " + CLOCK.format(span.opens()) + "–" + CLOCK.format(span.closes()) + " " + zoneName());
        }
        return Optional.of(String.join(", ", parts));
    }

    private String zoneName() {
        return switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getDisplayName(TextStyle.SHORT, INDONESIAN);
        };
    }

    private static String dayName(DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, INDONESIAN);
        return name.substring(0, 1).toUpperCase(INDONESIAN) + name.substring(1);
    }
}
