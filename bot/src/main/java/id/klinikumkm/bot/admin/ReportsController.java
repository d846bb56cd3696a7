package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.reports.Report;
import id.klinikumkm.bot.reports.ReportCsv;
import id.klinikumkm.bot.reports.ReportRange;
import id.klinikumkm.bot.reports.Reports;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** The management report for admins: the page with tables and bar charts, and the same figures as CSV. */
final class ReportsController implements Routes {
    private final Reports reports;
    private final Pages pages;

    ReportsController(Reports reports, Pages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/reports", this::page, StaffRole.ADMIN);
        routes.get("/admin/reports.csv", this::csv, StaffRole.ADMIN);
    }

    private void page(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        try {
            ReportRange range = ReportRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), reports.today());
            params.put("from", range.from().toString());
            params.put("to", range.to().toString());
            params.put("error", "");
            params.put("report", reports.report(range));
        } catch (ReportRange.InvalidRangeException e) {
            ctx.status(400);
            params.put("from", orEmpty(ctx.queryParam("from")));
            params.put("to", orEmpty(ctx.queryParam("to")));
            params.put("error", e.getMessage());
            params.put("report", null);
        }
        pages.render(ctx, "admin/reports.jte", params);
    }

    private void csv(Context ctx) {
        ReportRange range;
        try {
            range = ReportRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), reports.today());
        } catch (ReportRange.InvalidRangeException e) {
            ctx.status(400);
            pages.render(ctx, "admin/refused.jte", Map.of("message", e.getMessage()));
            return;
        }
        Report report = reports.report(range);
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + ReportCsv.fileName(range) + "\"")
                .contentType("text/csv; charset=utf-8")
                .result(ReportCsv.utf8WithBom(report));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
