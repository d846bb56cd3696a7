package id.klinikumkm.bot.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The days a report covers, {@code from} and {@code to} both included, as calendar days in the clinic's time
 * zone. At most {@link #MAX_YEARS} years, so a report stays one quick query.
 */
public record ReportRange(LocalDate from, LocalDate to) {
    /** The default range: this ISO week and the eleven before it, up to today. */
    public static final int DEFAULT_WEEKS = 12;
    public static final int MAX_YEARS = 2;

    public ReportRange {
        if (from.isAfter(to) || to.isAfter(from.plusYears(MAX_YEARS))) {
            throw new IllegalArgumentException("not a valid report range: " + from + " to " + to);
        }
    }

    /** Monday of the week {@link #DEFAULT_WEEKS} - 1 weeks before today's, up to today. */
    public static ReportRange lastWeeks(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportRange(monday.minusWeeks(DEFAULT_WEEKS - 1L), today);
    }

    /**
     * The range an admin asked for as {@code YYYY-MM-DD} texts; a missing or blank one takes its default from
     * {@link #lastWeeks}. Refused with a message for the admin (in Indonesian) when a date cannot be read, when
     * {@code from} is after {@code to}, or when the range is longer than {@link #MAX_YEARS} years.
     */
    public static ReportRange parse(String from, String to, LocalDate today) {
        ReportRange defaults = lastWeeks(today);
        LocalDate start = date(from, "awal").orElse(defaults.from());
        LocalDate end = date(to, "akhir").orElse(defaults.to());
        if (start.isAfter(end)) {
            throw new InvalidRangeException("Tanggal awal (" + start + ") tidak boleh sesudah tanggal akhir (" + end + ").");
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw new InvalidRangeException("Rentang laporan paling panjang " + MAX_YEARS
                    + " tahun. Silakan pilih rentang tanggal yang lebih pendek.");
        }
        return new ReportRange(start, end);
    }

    private static Optional<LocalDate> date(String text, String which) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidRangeException("Tanggal " + which + " tidak dapat dibaca. Gunakan format TTTT-BB-HH, misalnya 2026-11-30.");
        }
    }

    /** The first instant of {@code from} in {@code zone}. */
    public OffsetDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The first instant after {@code to} in {@code zone}. */
    public OffsetDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A range an admin asked for that cannot be reported; the message says why, in Indonesian. */
    public static final class InvalidRangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidRangeException(String message) {
            super(message);
        }
    }
}
