package id.klinikumkm.bot.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report's pure parts: the range, the formatting of figures, the chart geometry, the CSV's keys. */
class ReportsTest {

    @Test
    void the_default_range_is_this_iso_week_and_the_eleven_before_it() {
        ReportRange range = ReportRange.lastWeeks(LocalDate.parse("2026-11-18"));
        assertEquals(LocalDate.parse("2026-08-31"), range.from());
        assertEquals(LocalDate.parse("2026-11-18"), range.to());
        assertThat(Reports.weeks(range, List.of())).hasSize(12).first()
                .isEqualTo(new Report.Week("2026-W36", LocalDate.parse("2026-08-31"), 0));
        assertEquals(range, ReportRange.parse(" ", null, LocalDate.parse("2026-11-18")));
        assertEquals(new ReportRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-18")),
                ReportRange.parse("2026-11-01", "", LocalDate.parse("2026-11-18")));
    }

    @Test
    void a_range_counts_whole_days_in_the_clinics_time_zone() {
        ReportRange range = new ReportRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01"));
        assertEquals("2026-10-31T17:00Z", range.start(ZoneId.of("Asia/Jakarta")).toString());
        assertEquals("2026-11-01T17:00Z", range.end(ZoneId.of("Asia/Jakarta")).toString());
    }

    @Test
    void bad_ranges_are_refused_with_a_reason() {
        LocalDate today = LocalDate.parse("2026-11-18");
        assertThatThrownBy(() -> ReportRange.parse("2026-02-30", "2026-03-01", today)).hasMessageContaining("Tanggal awal tidak dapat dibaca");
        assertThatThrownBy(() -> ReportRange.parse("2026-03-02", "2026-03-01", today)).hasMessageContaining("tidak boleh sesudah");
        assertThatThrownBy(() -> ReportRange.parse("2024-02-29", "2026-03-01", today)).hasMessageContaining("paling panjang 2 tahun");
        assertEquals(LocalDate.parse("2024-03-01"), ReportRange.parse("2024-03-01", "2026-03-01", today).from());
    }

    @Test
    void medians_read_as_hours_and_minutes() {
        assertEquals("—", new Report.Median(0, Optional.empty()).text());
        assertEquals("", new Report.Median(0, Optional.empty()).hours());
        assertEquals("30 menit", new Report.Median(1, Optional.of(1800.0)).text());
        assertEquals("0.50", new Report.Median(1, Optional.of(1800.0)).hours());
        assertEquals("1 jam 0 menit", new Report.Median(2, Optional.of(3570.0)).text());
        assertEquals("26 jam 15 menit", new Report.Median(3, Optional.of(26.25 * 3600)).text());
        assertEquals("26.25", new Report.Median(3, Optional.of(26.25 * 3600)).hours());
    }

    @Test
    void satisfaction_and_rates_round_half_up_to_one_decimal() {
        Report.Satisfaction satisfaction = new Report.Satisfaction(List.of(0L, 0L, 1L, 0L, 1L));
        assertEquals(2, satisfaction.ratings());
        assertEquals("4,0", Report.indonesian(satisfaction.average()));
        assertEquals("4.0", Report.plain(satisfaction.average()));
        assertEquals("—", Report.indonesian(new Report.Satisfaction(List.of(0L, 0L, 0L, 0L, 0L)).average()));
        Report.BotRates bot = new Report.BotRates(3, 1, 8, 1);
        assertEquals(2, bot.answered());
        assertEquals("66,7%", Report.indonesianPercent(bot.answerRatePercent()));
        assertEquals("12.5", Report.plain(bot.handoffRatePercent()));
        assertEquals(0, new Report.BotRates(1, 2, 1, 0).answered());
        assertEquals("—", Report.indonesianPercent(new Report.BotRates(0, 0, 0, 0).answerRatePercent()));
    }

    @Test
    void row_bars_are_as_long_as_their_share_of_the_largest() {
        BarChart chart = BarChart.rows("x", List.of(new BarChart.Item("a", 4, ""), new BarChart.Item("b", 1, ""),
                new BarChart.Item("c", 0, "")));
        assertEquals(BarChart.WIDTH, chart.width());
        assertEquals(3 * 34, chart.height());
        assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(356.0, 89.0, 0.0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(17.0, 51.0, 85.0);
        assertThat(chart.bars()).extracting(BarChart.Bar::valueX).containsExactly(360.0, 93.0, 4.0);
        assertThat(BarChart.rows("leer", List.of()).height()).isPositive();
    }

    @Test
    void columns_leave_out_labels_and_values_when_there_are_many() {
        List<BarChart.Item> twelve = IntStream.range(0, 12).mapToObj(i -> new BarChart.Item("W" + i, i, "")).toList();
        BarChart few = BarChart.columns("x", twelve);
        assertThat(few.bars()).extracting(BarChart.Bar::label).containsExactly("W0", "", "W2", "", "W4", "", "W6", "", "W8", "", "W10", "");
        assertThat(few.bars()).extracting(BarChart.Bar::value).doesNotContain("");
        assertEquals(150.0, few.bars().get(11).height());
        assertEquals(16.0, few.bars().get(11).y());
        List<BarChart.Item> many = IntStream.range(0, 105).mapToObj(i -> new BarChart.Item("W" + i, 1, "")).toList();
        BarChart lots = BarChart.columns("x", many);
        assertThat(lots.bars()).extracting(BarChart.Bar::value).containsOnly("");
        assertThat(lots.bars().stream().filter(bar -> !bar.label().isEmpty()).count()).isLessThanOrEqualTo(8);
    }

    @Test
    void a_key_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("'=HYPERLINK(\"x\")", ReportCsv.safeKey("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", ReportCsv.safeKey("@SUM(A1)"));
        assertEquals("Kraksaan", ReportCsv.safeKey("Kraksaan"));
        assertEquals("laporan-klinik-2026-10-26-2026-11-15.csv",
                ReportCsv.fileName(new ReportRange(LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-15"))));
    }
}
