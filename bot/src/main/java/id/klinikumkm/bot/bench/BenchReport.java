package id.klinikumkm.bot.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's output: a table per route for people, and one {@code bench: route=...} line per route for scripts
 * (key=value, milliseconds and megabytes, NaN where there is nothing to measure).
 */
final class BenchReport {
    private static final String ROW = "  %-46s %26s %26s%n";

    private final BenchOptions options;
    private final PrintStream out;
    private final List<String> tables = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    BenchReport(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void webhook(LoadResult bare, ServiceUsage bareUsage, LoadResult service, WebhookFindings found, ServiceUsage usage,
                 long otherBotApiCalls) {
        double ratio = found.handledPerSecond() / bare.requestsPerSecond();
        StringBuilder table = new StringBuilder(header("Telegram webhook: POST /telegram/webhook vs the bare route"));
        common(table, bare, bareUsage, service, usage);
        handling(table, found);
        row(table, "receipt -> reply sent p50/p95/p99 ms", "", triple(found.sentNanos()));
        row(table, "  (updates whose replies were all sent)", "", String.valueOf(found.sentNanos().length));
        row(table, "replies sent/s while the load lasts", "", fmt("%.1f", found.sentPerSecond()));
        row(table, "replies still queued after the drain", "", String.valueOf(found.stillQueued()));
        row(table, "other Bot API calls (typing, callbacks...)", "", String.valueOf(otherBotApiCalls));
        row(table, "lost (recorded, never handled)", "", String.valueOf(found.lost()));
        row(table, "duplicated (sent more often than stored)", "", String.valueOf(found.duplicated()));
        row(table, "ratio: handled/s / bare route req/s", "", fmt("%.3f", ratio));
        table.append(fmt("  (check: %d of %d turns' inbound rows share the update row's xmin)%n",
                found.inboundSharingXmin(), found.inboundOfTurn()));
        tables.add(table.toString());
        lines.add(fmt("bench: route=webhook baseline_rps=%.0f rps=%.0f handled_per_s=%.1f ratio=%.3f p99_ms=%.1f "
                        + "p99_sent_to_queued_ms=%.1f p99_queued_ms=%.1f p99_sent_ms=%.1f drain_s=%.1f sent_per_s=%.1f queued_left=%d "
                        + "back_pressure=%d errors=%d lost=%d duplicated=%d peak_heap_mb=%s peak_rss_mb=%s "
                        + "baseline_cpu_ms=%.2f cpu_ms=%.2f baseline_pg_cpu_ms=%.2f pg_cpu_ms=%.2f",
                bare.requestsPerSecond(), service.requestsPerSecond(), found.handledPerSecond(), ratio,
                service.latencyMillis(0.99), Percentiles.millis(found.deliveredToQueuedNanos(), 0.99),
                Percentiles.millis(found.queuedNanos(), 0.99), Percentiles.millis(found.sentNanos(), 0.99), found.drainSeconds(), found.sentPerSecond(),
                found.stillQueued(), service.backPressure(), service.errors(), found.lost(), found.duplicated(),
                ServiceUsage.megabytes(usage.peakHeapBytes()), ServiceUsage.megabytes(usage.peakRssBytes()),
                bareUsage.cpuMillisPerRequest(), usage.cpuMillisPerRequest(), bareUsage.postgresCpuMillisPerRequest(),
                usage.postgresCpuMillisPerRequest()));
    }

    void webChat(LoadResult bare, ServiceUsage bareUsage, LoadResult service, WebChatFindings found, ServiceUsage usage) {
        double ratio = service.requestsPerSecond() / bare.requestsPerSecond();
        StringBuilder table = new StringBuilder(header("Web chat: POST /api/chat/messages vs the bare route"));
        common(table, bare, bareUsage, service, usage);
        row(table, "lost (2xx answers without a reply)", "", String.valueOf(found.withoutReply()));
        row(table, "duplicated (reply ids seen twice)", "", String.valueOf(found.duplicated()));
        row(table, "intakes sent (case number in reply) / started", "",
                found.casesOpened() + " / " + found.intakesStarted());
        row(table, "ratio: req/s / bare route req/s", "", fmt("%.3f", ratio));
        tables.add(table.toString());
        lines.add(fmt("bench: route=webchat baseline_rps=%.0f rps=%.0f ratio=%.3f p50_ms=%.1f p99_ms=%.1f "
                        + "back_pressure=%d errors=%d lost=%d duplicated=%d cases_opened=%d peak_heap_mb=%s peak_rss_mb=%s "
                        + "baseline_cpu_ms=%.2f cpu_ms=%.2f baseline_pg_cpu_ms=%.2f pg_cpu_ms=%.2f",
                bare.requestsPerSecond(), service.requestsPerSecond(), ratio, service.latencyMillis(0.5),
                service.latencyMillis(0.99), service.backPressure(), service.errors(), found.withoutReply(),
                found.duplicated(), found.casesOpened(), ServiceUsage.megabytes(usage.peakHeapBytes()),
                ServiceUsage.megabytes(usage.peakRssBytes()), bareUsage.cpuMillisPerRequest(), usage.cpuMillisPerRequest(),
                bareUsage.postgresCpuMillisPerRequest(), usage.postgresCpuMillisPerRequest()));
    }

    /** The webhook at a fixed rate: what the service handled of it and how long each update waited for its reply. */
    void pacedWebhook(double rate, LoadResult service, WebhookFindings found, ServiceUsage usage) {
        StringBuilder table = new StringBuilder(pacedHeader("Telegram webhook", rate));
        pacedCommon(table, service, usage);
        handling(table, found);
        row(table, "lost (recorded, never handled)", "", String.valueOf(found.lost()));
        row(table, "duplicated (sent more often than stored)", "", String.valueOf(found.duplicated()));
        tables.add(table.toString());
        lines.add(fmt("bench: route=webhook-paced offered_per_s=%.1f rps=%.1f handled_per_s=%.1f p99_from_due_ms=%.1f "
                        + "p50_sent_to_queued_ms=%.1f p99_sent_to_queued_ms=%.1f p99_queued_ms=%.1f drain_s=%.1f "
                        + "back_pressure=%d errors=%d lost=%d duplicated=%d peak_heap_mb=%s cpu_ms=%.2f pg_cpu_ms=%.2f",
                rate, service.requestsPerSecond(), found.handledPerSecond(), service.latencyMillis(0.99),
                Percentiles.millis(found.deliveredToQueuedNanos(), 0.5),
                Percentiles.millis(found.deliveredToQueuedNanos(), 0.99), Percentiles.millis(found.queuedNanos(), 0.99),
                found.drainSeconds(), service.backPressure(), service.errors(), found.lost(), found.duplicated(),
                ServiceUsage.megabytes(usage.peakHeapBytes()), usage.cpuMillisPerRequest(), usage.postgresCpuMillisPerRequest()));
    }

    /** The web chat at a fixed rate: each answer's latency from when its request was due. */
    void pacedWebChat(double rate, LoadResult service, WebChatFindings found, ServiceUsage usage) {
        StringBuilder table = new StringBuilder(pacedHeader("Web chat", rate));
        pacedCommon(table, service, usage);
        row(table, "lost (2xx answers without a reply)", "", String.valueOf(found.withoutReply()));
        row(table, "duplicated (reply ids seen twice)", "", String.valueOf(found.duplicated()));
        row(table, "intakes sent (case number in reply) / started", "",
                found.casesOpened() + " / " + found.intakesStarted());
        tables.add(table.toString());
        lines.add(fmt("bench: route=webchat-paced offered_per_s=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f back_pressure=%d "
                        + "errors=%d lost=%d duplicated=%d cases_opened=%d peak_heap_mb=%s cpu_ms=%.2f pg_cpu_ms=%.2f",
                rate, service.requestsPerSecond(), service.latencyMillis(0.5), service.latencyMillis(0.99),
                service.backPressure(), service.errors(), found.withoutReply(), found.duplicated(), found.casesOpened(),
                ServiceUsage.megabytes(usage.peakHeapBytes()), usage.cpuMillisPerRequest(), usage.postgresCpuMillisPerRequest()));
    }

    /** PostgreSQL's costliest statements over a measured service phase, each divided by the phase's units. */
    void statements(String route, String unit, long units, List<StatementStats.Row> rows) {
        StringBuilder table = new StringBuilder(fmt("%nPostgreSQL statements in the measured service phase (%s), per %s "
                + "(%d), the costliest first%n  %7s %9s %7s %8s %10s  %s%n", route, unit, units, "calls", "exec ms",
                "rows", "WAL rec", "WAL bytes", "statement"));
        double per = Math.max(units, 1);
        for (StatementStats.Row row : rows) {
            table.append(fmt("  %7.3f %9.4f %7.2f %8.2f %10.1f  %s%n", row.calls() / per, row.executionMillis() / per,
                    row.rows() / per, row.walRecords() / per, row.walBytes() / per, row.query()));
        }
        tables.add(table.toString());
    }

    /** The rows both webhook tables share: what was taken in, handled, how soon, and the drain. */
    private static void handling(StringBuilder table, WebhookFindings found) {
        row(table, "updates recorded (accepted)", "", String.valueOf(found.recorded()));
        row(table, "updates handled/s while the load lasts", "",
                fmt("%.1f (%d)", found.handledPerSecond(), found.handledDuringLoad()));
        row(table, "sent -> reply queued p50/p95/p99 ms", "", triple(found.deliveredToQueuedNanos()));
        row(table, "recorded -> reply queued p50/p95/p99 ms", "", triple(found.queuedNanos()));
        row(table, "drain after the load stopped", "",
                Double.isNaN(found.drainSeconds()) ? "not within " + 120 + " s" : fmt("%.1f s", found.drainSeconds()));
    }

    void print() {
        out.println();
        out.printf("%d users over %d connections, %d s warm-up and %d s measured per server and route; each server "
                        + "-Xmx256m; latencies of 2xx answers; peak RSS is the JVM's high-water mark since it started. "
                        + "Paced phases: requests due at a fixed rate over %d connections, latency counted from when each "
                        + "request was due.%n",
                options.users(), options.connections(), options.warmup().toSeconds(), options.measured().toSeconds(),
                options.pacedConnections());
        tables.forEach(out::print);
        out.println();
        lines.forEach(out::println);
    }

    private String header(String title) {
        return fmt("%n%s%n" + ROW, title, "", "bare route", "service");
    }

    private String pacedHeader(String route, double rate) {
        return fmt("%n%s at a fixed rate: %.1f requests/s offered (%d %% of the bare route's requests/s above)%n" + ROW,
                route, rate, options.pacedPercent(), "", "", "service");
    }

    private static void pacedCommon(StringBuilder table, LoadResult service, ServiceUsage usage) {
        row(table, "requests/s (answered 2xx)", "", fmt("%.1f", service.requestsPerSecond()));
        row(table, "back-pressure answers (429/503, re-sent)", "", String.valueOf(service.backPressure()));
        row(table, "errors", "", String.valueOf(service.errors()));
        row(table, "latency from due p50/p95/p99 ms", "", triple(service.latencies()));
        row(table, "peak heap MB (sampled /metrics)", "", ServiceUsage.megabytes(usage.peakHeapBytes()));
        row(table, "CPU ms per request / handled update", "", fmt("%.2f", usage.cpuMillisPerRequest()));
        row(table, "PostgreSQL CPU ms per request / update", "", fmt("%.2f", usage.postgresCpuMillisPerRequest()));
    }

    private static void common(StringBuilder table, LoadResult bare, ServiceUsage bareUsage, LoadResult service,
                               ServiceUsage usage) {
        row(table, "requests/s (answered 2xx)", fmt("%.0f", bare.requestsPerSecond()), fmt("%.0f", service.requestsPerSecond()));
        row(table, "back-pressure answers (429/503, re-sent)", String.valueOf(bare.backPressure()), String.valueOf(service.backPressure()));
        row(table, "errors", String.valueOf(bare.errors()), String.valueOf(service.errors()));
        row(table, "latency p50/p95/p99 ms", triple(bare.latencies()), triple(service.latencies()));
        row(table, "peak heap MB (sampled /metrics)", ServiceUsage.megabytes(bareUsage.peakHeapBytes()),
                ServiceUsage.megabytes(usage.peakHeapBytes()));
        row(table, "peak RSS MB (VmHWM)", ServiceUsage.megabytes(bareUsage.peakRssBytes()),
                ServiceUsage.megabytes(usage.peakRssBytes()));
        row(table, "CPU ms per request / handled update", fmt("%.2f", bareUsage.cpuMillisPerRequest()),
                fmt("%.2f", usage.cpuMillisPerRequest()));
        row(table, "PostgreSQL CPU ms per request / update", fmt("%.2f", bareUsage.postgresCpuMillisPerRequest()),
                fmt("%.2f", usage.postgresCpuMillisPerRequest()));
    }

    private static void row(StringBuilder table, String label, String bare, String service) {
        table.append(fmt(ROW, label, bare, service));
    }

    private static String triple(long[] sortedNanos) {
        return fmt("%.1f / %.1f / %.1f", Percentiles.millis(sortedNanos, 0.5), Percentiles.millis(sortedNanos, 0.95),
                Percentiles.millis(sortedNanos, 0.99));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
