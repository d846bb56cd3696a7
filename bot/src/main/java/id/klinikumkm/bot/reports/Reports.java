package id.klinikumkm.bot.reports;

import id.klinikumkm.bot.intake.Kecamatans;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes the {@link Report} of a range of days in the clinic's time zone. */
public final class Reports {
    /** The topics (case needs) in menu order, with the names the clinic uses. */
    public static final Map<String, String> TOPICS = topics();
    /** The one row for every case from outside the regency. */
    public static final String OUTSIDE = "Di luar Kabupaten Probolinggo";

    private final ReportsDao dao;
    private final ZoneId zone;
    private final Clock clock;

    public Reports(ReportsDao dao, ZoneId zone, Clock clock) {
        this.dao = dao;
        this.zone = zone;
        this.clock = clock;
    }

    /** Today in the clinic's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Report report(ReportRange range) {
        OffsetDateTime start = range.start(zone);
        OffsetDateTime end = range.end(zone);
        ReportsDao.BotRow bot = dao.bot(start, end);
        return new Report(range, zone, bot.casesOpened(),
                weeks(range, dao.casesPerWeek(start, end, zone.getId())),
                topics(dao.casesPerNeed(start, end)),
                kecamatans(dao.casesPerKecamatan(start, end)),
                median(dao.medianFirstReply(start, end)),
                median(dao.medianResolution(start, end)),
                satisfaction(dao.ratings(start, end)),
                new Report.BotRates(bot.questions(), bot.unanswered(), bot.askingChats(), bot.casesOpened()));
    }

    /** Every ISO week the range touches, those without cases too. */
    static List<Report.Week> weeks(ReportRange range, List<ReportsDao.WeekCount> counts) {
        Map<LocalDate, Long> byMonday = new LinkedHashMap<>();
        counts.forEach(count -> byMonday.put(count.monday(), count.count()));
        List<Report.Week> weeks = new ArrayList<>();
        LocalDate monday = range.from().minusDays(range.from().getDayOfWeek().getValue() - 1L);
        for (; !monday.isAfter(range.to()); monday = monday.plusWeeks(1)) {
            String iso = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new Report.Week(iso, monday, byMonday.getOrDefault(monday, 0L)));
        }
        return weeks;
    }

    static List<Report.Count> topics(List<ReportsDao.KeyCount> counts) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        counts.forEach(count -> byKey.put(count.key(), count.count()));
        return TOPICS.entrySet().stream()
                .map(topic -> new Report.Count(topic.getKey(), topic.getValue(), byKey.getOrDefault(topic.getKey(), 0L)))
                .toList();
    }

    /**
     * The regency's kecamatan (all 24, with cases first, most first, then in BPS order), any other name found in
     * the data, and the cases from outside the regency as one last row.
     */
    static List<Report.Count> kecamatans(List<ReportsDao.KeyCount> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        long outside = 0;
        for (ReportsDao.KeyCount count : counts) {
            if (count.key() == null) {
                outside += count.count();
            } else {
                byName.merge(count.key(), count.count(), Long::sum);
            }
        }
        List<String> names = new ArrayList<>(Kecamatans.ALL);
        byName.keySet().stream().filter(name -> !Kecamatans.ALL.contains(name)).sorted().forEach(names::add);
        List<Report.Count> rows = new ArrayList<>(names.stream()
                .map(name -> new Report.Count(name, name, byName.getOrDefault(name, 0L)))
                .sorted(Comparator.comparingLong(Report.Count::value).reversed())
                .toList());
        rows.add(new Report.Count(OUTSIDE, OUTSIDE, outside));
        return rows;
    }

    private static Report.Median median(ReportsDao.MedianRow row) {
        return new Report.Median(row.cases(), row.cases() == 0 ? Optional.empty() : Optional.ofNullable(row.seconds()));
    }

    static Report.Satisfaction satisfaction(List<ReportsDao.KeyCount> counts) {
        List<Long> perStar = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        counts.forEach(count -> perStar.set(Integer.parseInt(count.key()) - 1, count.count()));
        return new Report.Satisfaction(perStar);
    }

    private static Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("legal", "Legalitas");
        topics.put("packaging", "Kemasan & label");
        topics.put("halal", "Sertifikasi halal");
        topics.put("other", "Lainnya");
        return java.util.Collections.unmodifiableMap(topics);
    }
}
