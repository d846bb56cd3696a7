package id.klinikumkm.bot.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code bench --overload}: a table for people and one {@code bench: route=overload ...} line for
 * scripts (key=value, milliseconds and megabytes, NaN where there is nothing to measure).
 *
 * @param recorded          updates of the overload the service recorded (processed_updates rows)
 * @param handled           of those, handled (their turn committed)
 * @param handledWhileLoad  handled while arrivals lasted
 * @param lastCommit        the last turn's commit, or null
 * @param drainSeconds      from every update accepted to none left unhandled, or NaN past the cap
 * @param inbound           per handled update, the turn's inbound rows: exactly one, none, more than one, sum
 * @param inboundOfChats    every inbound row of the overload's chats
 */
record OverloadReport(OverloadOptions options, double rate, LoadResult calibration, OverloadResult load, long recorded,
                      long handled, long handledWhileLoad, Instant lastCommit, double drainSeconds, long[] inbound,
                      long inboundOfChats, long readinessChecks, List<ReadinessProbe.Failure> readinessFailures,
                      double longestReadinessGapMillis, long peakHeap, long peakCommittedHeap, long maxHeap,
                      long heapSamples, long peakRss) {
    private static final String ROW = "  %-52s %s%n";
    private static final int FAILURES_SHOWN = 10;

    long lost() {
        return load.generated() - handled;
    }

    /** Turns beyond one per update: an update with two inbound rows of its turn, or inbound rows of no handled turn. */
    long duplicated() {
        return inbound[2] + Math.max(0, inboundOfChats - inbound[3]);
    }

    /** From the end of arrivals to the last turn's commit, in seconds, or NaN when something was left unhandled. */
    double lastTurnAfterLoadSeconds() {
        return lastCommit == null || lost() > 0 ? Double.NaN
                : Math.max(0, Duration.between(load.loadEnded(), lastCommit).toMillis() / 1000.0);
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Sustained overload: POST /telegram/webhook, service -Xmx256m; R measured over %d s of closed loop "
                        + "(%d connections) after %d s of warm-up%n", options.calibrate().toSeconds(), options.connections(),
                options.warmup().toSeconds());
        row(out, "R: updates handled/s, closed loop", fmt("%.1f (%.0f accepted/s, %d back-pressure answers)", rate,
                calibration.requestsPerSecond(), calibration.backPressure()));
        row(out, "offered updates/s, open loop (" + (options.rate() > 0 ? "--rate" : "2R") + ")", fmt("%.1f for %.0f s from %d chats (%d updates)",
                load.offeredPerSecond(), load.loadSeconds(), options.chats(), load.generated()));
        row(out, "accepted/s while the load lasts (2xx)", fmt("%.1f", load.acceptedPerSecondWhileLoading()));
        row(out, "handled/s while the load lasts", fmt("%.1f (%d)", handledWhileLoad / load.loadSeconds(), handledWhileLoad));
        // R is measured on a busy shared machine and by a closed loop; this says how much of an overload 2R was.
        row(out, "offered / handled while the load lasts", fmt("%.2f", load.offeredPerSecond() * load.loadSeconds()
                / Math.max(1, handledWhileLoad)));
        row(out, "accept latency p50/p99 ms", fmt("%.1f / %.1f", Percentiles.millis(load.acceptLatencies(), 0.5),
                Percentiles.millis(load.acceptLatencies(), 0.99)));
        row(out, "back-pressure answers (429/503, re-delivered)", String.valueOf(load.backPressure()));
        row(out, "failed or timed out requests (re-delivered)", String.valueOf(load.failures()));
        row(out, "other non-2xx answers (re-delivered)", String.valueOf(load.otherStatuses()));
        row(out, "deferred arrivals (in-flight cap of " + load.inFlightCap() + " reached)", String.valueOf(load.deferred()));
        row(out, "every update accepted, after the load stopped", Double.isNaN(load.redeliverySeconds())
                ? "not within the cap (" + (load.generated() - load.accepted()) + " never accepted)"
                : fmt("%.1f s", load.redeliverySeconds()));
        row(out, "drain: last turn committed, after the load stopped", Double.isNaN(lastTurnAfterLoadSeconds())
                ? "not drained" : fmt("%.1f s", lastTurnAfterLoadSeconds()));
        row(out, "/ready checks every 250 ms (2 s timeout)", fmt("%d, %d failed, longest gap between 200s %.0f ms",
                readinessChecks, readinessFailures.size(), longestReadinessGapMillis));
        readinessFailures.stream().limit(FAILURES_SHOWN).forEach(failure ->
                row(out, "  /ready failed", fmt("at %.1f s: %s", failure.atSeconds(), failure.what())));
        row(out, "peak heap used / committed / max MB (sampled)", fmt("%d / %d / %d (%d samples)",
                OverloadBench.megabytes(peakHeap), OverloadBench.megabytes(peakCommittedHeap),
                OverloadBench.megabytes(maxHeap), heapSamples));
        row(out, "peak RSS MB (VmHWM since start)", String.valueOf(OverloadBench.megabytes(peakRss)));
        row(out, "updates recorded / handled", recorded + " / " + handled);
        row(out, "lost (offered, never handled)", String.valueOf(lost()));
        row(out, "duplicated (turns beyond one per update)", String.valueOf(duplicated()));
        row(out, "  (check: inbound rows of the turn: 1 / 0 / >1)", inbound[0] + " / " + inbound[1] + " / " + inbound[2]
                + fmt("; %d inbound rows in the overload's chats", inboundOfChats));
        if (load.firstFailure() != null) {
            row(out, "  first failure", load.firstFailure());
        }
        out.println();
        out.println(fmt("bench: route=overload rate_r=%.1f offered_per_s=%.1f seconds=%.0f generated=%d accepted_per_s=%.1f"
                        + " handled_per_s=%.1f back_pressure=%d failures=%d deferred=%d redelivery_s=%.1f drain_s=%.1f"
                        + " ready_checks=%d ready_failed=%d ready_max_gap_ms=%.0f peak_heap_mb=%d max_heap_mb=%d"
                        + " peak_rss_mb=%d lost=%d duplicated=%d",
                rate, load.offeredPerSecond(), load.loadSeconds(), load.generated(), load.acceptedPerSecondWhileLoading(),
                handledWhileLoad / load.loadSeconds(), load.backPressure(), load.failures() + load.otherStatuses(),
                load.deferred(), load.redeliverySeconds(), lastTurnAfterLoadSeconds(), readinessChecks,
                readinessFailures.size(), longestReadinessGapMillis, OverloadBench.megabytes(peakHeap),
                OverloadBench.megabytes(maxHeap), OverloadBench.megabytes(peakRss), lost(), duplicated()));
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf(ROW, label, value);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
