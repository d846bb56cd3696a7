package id.klinikumkm.bot.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A {@link Report} as CSV: one header row {@code bagian,kunci,nilai} (section, key, value), then one row per
 * figure, section after section, in the order of the page:
 *
 * <pre>
 * periode,dari|sampai|zona_waktu,...               the range and its time zone
 * kasus,dibuka,N                                   cases opened in the range
 * minggu,2026-W45,N                                every ISO week the range touches
 * topik,legal|packaging|halal|other,N              a case with two needs counts in both
 * kecamatan,Kraksaan,N                             all 24, then "Di luar Kabupaten Probolinggo"
 * median_jam,balasan_pertama|penyelesaian,1.50     hours, two decimals; empty when no case has it
 * median_jumlah_kasus,balasan_pertama|penyelesaian,N   the cases each median is over
 * kepuasan,jumlah|rata_rata|bintang_1..bintang_5,...   ratings; the average has one decimal, empty without ratings
 * bot,pertanyaan|tidak_terjawab|terjawab|tingkat_jawab_persen|chat_bertanya|kasus_dibuka|tingkat_alih_persen,...
 * </pre>
 *
 * Decimals use a point. RFC 4180 quoting; a key that a spreadsheet would read as a formula is prefixed with
 * {@code '}. The bytes are UTF-8 with a byte order mark, so Excel reads the names right.
 */
public final class ReportCsv {
    public static final String[] HEADER = {"bagian", "kunci", "nilai"};
    private static final String BOM = "\uFEFF";

    private ReportCsv() {}

    /** {@code laporan-klinik-FROM-TO.csv}. */
    public static String fileName(ReportRange range) {
        return "laporan-klinik-" + range.from() + "-" + range.to() + ".csv";
    }

    public static byte[] utf8WithBom(Report report) {
        return (BOM + text(report)).getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV text, without the byte order mark. */
    public static String text(Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            csv.printRecord("periode", "dari", report.range().from());
            csv.printRecord("periode", "sampai", report.range().to());
            csv.printRecord("periode", "zona_waktu", report.zone().getId());
            csv.printRecord("kasus", "dibuka", report.totalCases());
            for (Report.Week week : report.perWeek()) {
                csv.printRecord("minggu", week.isoWeek(), week.cases());
            }
            for (Report.Count topic : report.perTopic()) {
                csv.printRecord("topik", topic.key(), topic.value());
            }
            for (Report.Count place : report.perKecamatan()) {
                csv.printRecord("kecamatan", safeKey(place.key()), place.value());
            }
            csv.printRecord("median_jam", "balasan_pertama", report.firstReply().hours());
            csv.printRecord("median_jam", "penyelesaian", report.resolution().hours());
            csv.printRecord("median_jumlah_kasus", "balasan_pertama", report.firstReply().cases());
            csv.printRecord("median_jumlah_kasus", "penyelesaian", report.resolution().cases());
            Report.Satisfaction satisfaction = report.satisfaction();
            csv.printRecord("kepuasan", "jumlah", satisfaction.ratings());
            csv.printRecord("kepuasan", "rata_rata", Report.plain(satisfaction.average()));
            for (int star = 1; star <= 5; star++) {
                csv.printRecord("kepuasan", "bintang_" + star, satisfaction.withStars(star));
            }
            Report.BotRates bot = report.bot();
            csv.printRecord("bot", "pertanyaan", bot.questions());
            csv.printRecord("bot", "tidak_terjawab", bot.unanswered());
            csv.printRecord("bot", "terjawab", bot.answered());
            csv.printRecord("bot", "tingkat_jawab_persen", Report.plain(bot.answerRatePercent()));
            csv.printRecord("bot", "chat_bertanya", bot.askingChats());
            csv.printRecord("bot", "kasus_dibuka", bot.casesOpened());
            csv.printRecord("bot", "tingkat_alih_persen", Report.plain(bot.handoffRatePercent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Spreadsheets run a cell starting with = + - @ as a formula; such a key gets a leading {@code '}. */
    static String safeKey(String key) {
        return !key.isEmpty() && "=+-@\t\r".indexOf(key.charAt(0)) >= 0 ? "'" + key : key;
    }
}
