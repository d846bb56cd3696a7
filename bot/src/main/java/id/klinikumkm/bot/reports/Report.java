package id.klinikumkm.bot.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the clinic's management sees for a range of days: the page and the CSV are both made from this one
 * object. Case figures are over the cases opened in the range; the bot's figures over the messages and
 * unanswered questions of the range.
 *
 * @param totalCases cases opened in the range
 * @param perWeek    every ISO week (Monday start) that the range touches, oldest first, weeks without cases too
 * @param perTopic   the four topics in menu order; a case with two needs counts in both
 * @param perKecamatan the regency's kecamatan with cases first (most first), then those without, then the cases
 *                     from outside the regency as one row
 */
public record Report(ReportRange range, ZoneId zone, long totalCases, List<Week> perWeek, List<Count> perTopic,
                     List<Count> perKecamatan, Median firstReply, Median resolution, Satisfaction satisfaction,
                     BotRates bot) {

    public Report {
        perWeek = List.copyOf(perWeek);
        perTopic = List.copyOf(perTopic);
        perKecamatan = List.copyOf(perKecamatan);
    }

    public BarChart weekChart() {
        return BarChart.columns("Kasus per minggu", perWeek.stream()
                .map(w -> new BarChart.Item(w.isoWeek().substring(5), w.cases(),
                        w.isoWeek() + " (mulai " + w.monday() + "): " + w.cases() + " kasus"))
                .toList());
    }

    public BarChart topicChart() {
        return rows("Kasus per topik", perTopic);
    }

    public BarChart kecamatanChart() {
        return rows("Kasus per kecamatan", perKecamatan);
    }

    public BarChart starChart() {
        List<BarChart.Item> items = new java.util.ArrayList<>();
        for (int star = 5; star >= 1; star--) {
            items.add(new BarChart.Item(star + " bintang", satisfaction.withStars(star), star + " bintang: " + satisfaction.withStars(star)));
        }
        return BarChart.rows("Penilaian per bintang", items);
    }

    private static BarChart rows(String caption, List<Count> counts) {
        return BarChart.rows(caption, counts.stream()
                .map(c -> new BarChart.Item(c.label(), c.value(), c.label() + ": " + c.value() + " kasus")).toList());
    }

    /** An ISO week such as {@code 2026-W45}, its Monday, and the cases opened in it (within the range). */
    public record Week(String isoWeek, LocalDate monday, long cases) {}

    /** A group: {@code key} for machines (the CSV), {@code label} for people, and its count. */
    public record Count(String key, String label, long value) {}

    /** The median of a duration over the {@code cases} cases that have it; empty when none has. */
    public record Median(long cases, Optional<Double> seconds) {

        /** "1 jam 30 menit", "45 menit", or "—" when there is none; rounded to the minute. */
        public String text() {
            if (seconds.isEmpty()) {
                return "—";
            }
            long minutes = Math.round(seconds.get() / 60.0);
            long hours = minutes / 60;
            return hours == 0 ? (minutes % 60) + " menit" : hours + " jam " + (minutes % 60) + " menit";
        }

        /** Hours with two decimals and a point ({@code 1.50}); empty when there is none. */
        public String hours() {
            return seconds.map(s -> BigDecimal.valueOf(s).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).toPlainString())
                    .orElse("");
        }
    }

    /** The ratings (1 to 5 stars) of the cases opened in the range. */
    public record Satisfaction(List<Long> perStar) {
        public Satisfaction {
            if (perStar.size() != 5) {
                throw new IllegalArgumentException("five stars, not " + perStar.size());
            }
            perStar = List.copyOf(perStar);
        }

        public long ratings() {
            return perStar.stream().mapToLong(Long::longValue).sum();
        }

        /** The number of ratings with {@code stars} stars (1 to 5). */
        public long withStars(int stars) {
            return perStar.get(stars - 1);
        }

        /** The mean with one decimal, half up; empty without ratings. */
        public Optional<BigDecimal> average() {
            long sum = 0;
            for (int star = 1; star <= 5; star++) {
                sum += star * withStars(star);
            }
            return ratings() == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings()), 1, RoundingMode.HALF_UP));
        }
    }

    /**
     * How the bot did. {@code questions}: texts users typed in the range (no buttons, no commands);
     * {@code unanswered}: rows kept in {@code unanswered_questions} in the range (asked back, fell back, no entry,
     * rated 👎); {@code askingChats}: distinct chats that typed such a text; {@code casesOpened}: cases opened.
     */
    public record BotRates(long questions, long unanswered, long askingChats, long casesOpened) {

        /** Questions that did not end up unanswered (never below zero). */
        public long answered() {
            return Math.max(0, questions - unanswered);
        }

        /** answered / questions in percent with one decimal; empty without questions. */
        public Optional<BigDecimal> answerRatePercent() {
            return percent(answered(), questions);
        }

        /** casesOpened / askingChats in percent with one decimal; empty without asking chats. */
        public Optional<BigDecimal> handoffRatePercent() {
            return percent(casesOpened, askingChats);
        }

        private static Optional<BigDecimal> percent(long part, long whole) {
            return whole == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
        }
    }

    /** A decimal for people reading Indonesian: a comma ({@code 4,3}), or "—" when there is none. */
    public static String indonesian(Optional<BigDecimal> value) {
        return value.map(v -> v.toPlainString().replace('.', ',')).orElse("—");
    }

    /** A percentage for people reading Indonesian ({@code 79,2%}), or "—" when there is none. */
    public static String indonesianPercent(Optional<BigDecimal> value) {
        return value.isEmpty() ? "—" : indonesian(value) + "%";
    }

    /** A decimal for machines: a point ({@code 4.3}), or empty when there is none. */
    public static String plain(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }
}
