package id.klinikumkm.bot.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code bench --overload}: acceptance 4 of issue 11, "under a sustained overload of twice the handled rate for
 * 60 s, heap stays under the cap, no update is lost, and the service answers readiness throughout". Starts a
 * throwaway PostgreSQL, the fake Bot API and the service ({@code -Xmx256m}); measures the rate R at which the
 * service handles webhook updates under a closed loop; then offers 2R updates a second over the webhook in an
 * open loop ({@link OpenLoopLoad}) while probing {@code /ready} and sampling the heap; re-delivers whatever was
 * refused until all is accepted, waits for the service to handle it all, and counts lost and duplicated updates
 * in its database. Prints numbers; asserts nothing.
 */
final class OverloadBench {
    static final String FLAG = "--overload";
    static final String USAGE = LoadBench.COMMAND + " " + FLAG
            + " [--warmup S] [--calibrate S] [--seconds S] [--chats N] [--in-flight N] [--connections N] [--rate N]";
    private static final Duration REDELIVERY_CAP = Duration.ofSeconds(180);
    private static final Duration DRAIN_CAP = Duration.ofSeconds(180);
    private static final int CLOSED_LOOP_USERS = 200;
    /** Telegram ids apart from the ones of {@code bench}'s phases, so the overload's chats are its own. */
    private static final long FIRST_WARM_UP_CHAT = 920_000_000L;
    private static final long FIRST_CALIBRATION_CHAT = 921_000_000L;
    private static final long FIRST_OVERLOAD_CHAT = 922_000_000L;

    private final OverloadOptions options;
    private final PrintStream out;

    private OverloadBench(OverloadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        OverloadOptions options;
        try {
            options = OverloadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ". Usage: java -jar klinik-bot.jar " + USAGE);
            return 2;
        }
        Path workDir = LoadBench.temporaryDirectory();
        try {
            new OverloadBench(options, out).run(workDir);
            return 0;
        } catch (Exception e) {
            err.println("bench --overload failed: " + e);
            return 1;
        } finally {
            LoadBench.deleteQuietly(workDir.resolve("pg"));
            out.println("Log of the service: " + workDir);
        }
    }

    private void run(Path workDir) throws Exception {
        Path jar = ChildJvm.thisJar();
        Path root = LoadBench.repositoryRoot(jar);
        HttpClient http = LoadBench.httpClient();
        ScheduledExecutorService retries = LoadBench.redeliveryTimer();
        progress("starting PostgreSQL (fsync on, synchronous_commit on, track_commit_timestamp on) and the fake Bot API");
        try (BenchDatabase database = BenchDatabase.start(workDir.resolve("pg"));
             FakeTelegramApi telegram = FakeTelegramApi.start()) {
            int port = LoadBench.freePort();
            progress("starting the service (java -Xmx256m -jar " + root.relativize(jar) + ", in " + root + ")");
            try (ChildJvm service = ChildJvm.startService(
                    ServiceEnvironment.of(database.jdbcUrl(BenchDatabase.SERVICE_DATABASE), telegram.baseUrl(), port),
                    root, workDir.resolve("service.log"), port)) {
                service.awaitReady(http);
                ServiceLedger ledger = new ServiceLedger(database);
                TelegramUpdates updates = new TelegramUpdates();
                String webhookUrl = service.baseUrl() + ServiceEnvironment.WEBHOOK_PATH;
                LoadTarget webhook = new UpdatePoster(webhookUrl, ServiceEnvironment.WEBHOOK_SECRET, updates);
                ClosedLoopLoad closedLoop = new ClosedLoopLoad(http, retries, options.connections());

                long warmFirst = updates.peekNextUpdateId();
                if (!options.warmup().isZero()) {
                    progress("warm-up, closed loop over the webhook, " + options.warmup().toSeconds() + " s");
                    closedLoop.run(webhook, chats(FIRST_WARM_UP_CHAT, CLOSED_LOOP_USERS), options.warmup());
                    awaitDrain(ledger, warmFirst, updates.peekNextUpdateId() - 1);
                }
                long calibrationFirst = updates.peekNextUpdateId();
                progress("measuring the handled rate R, closed loop over the webhook, " + options.calibrate().toSeconds() + " s");
                LoadResult calibration = closedLoop.run(webhook, chats(FIRST_CALIBRATION_CHAT, CLOSED_LOOP_USERS),
                        options.calibrate());
                long calibrationLast = updates.peekNextUpdateId() - 1;
                long handledInCalibration = handledBetween(ledger.updates(calibrationFirst, calibrationLast),
                        calibration.start(), calibration.end());
                double rate = handledInCalibration / calibration.seconds();
                progress(String.format("  R = %.1f updates handled/s (%d in %.1f s; %.0f accepted/s, %d back-pressure)",
                        rate, handledInCalibration, calibration.seconds(), calibration.requestsPerSecond(),
                        calibration.backPressure()));
                awaitDrain(ledger, calibrationFirst, calibrationLast);
                if (rate <= 0) {
                    throw new IllegalStateException("the service handled nothing while R was measured; see " + service.log());
                }

                List<SimulatedUser> overloadChats = chats(FIRST_OVERLOAD_CHAT, options.chats());
                OpenLoopLoad overload = new OpenLoopLoad(http, webhookUrl, ServiceEnvironment.WEBHOOK_SECRET, updates,
                        overloadChats, options.inFlight());
                double offered = options.rate() > 0 ? options.rate() : 2 * rate;
                progress(String.format("overload: open loop of %.1f updates/s (%s) from %d chats for %d s, at most %d in flight",
                        offered, options.rate() > 0 ? "--rate" : "2R", options.chats(), options.overload().toSeconds(), options.inFlight()));
                OverloadResult result;
                double drainSeconds;
                ReadinessProbe probe;
                HeapSampler heap;
                try (HeapSampler sampler = HeapSampler.start(http, service.baseUrl());
                     ReadinessProbe readiness = ReadinessProbe.start(service.baseUrl())) {
                    heap = sampler;
                    probe = readiness;
                    result = overload.run(offered, options.overload(), REDELIVERY_CAP, () -> progress("  " + overload.status()
                            + String.format(", heap %d MB, /ready %d checks %d failed", megabytes(sampler.peakBytes()),
                            readiness.checks(), readiness.failures().size())));
                    progress(result.allAccepted() == null
                            ? "  some updates still refused " + REDELIVERY_CAP.toSeconds() + " s after the load; going on"
                            : String.format("  every update accepted %.1f s after the load stopped", result.redeliverySeconds()));
                    drainSeconds = awaitDrain(ledger, result.firstUpdateId(), result.lastUpdateId());
                }
                List<HandledUpdate> handled = ledger.updates(result.firstUpdateId(), result.lastUpdateId());
                long[] inbound = ledger.inboundRowsPerHandledUpdate(result.firstUpdateId(), result.lastUpdateId());
                long inboundOfChats = ledger.inboundRowsOfChats(FIRST_OVERLOAD_CHAT, FIRST_OVERLOAD_CHAT + options.chats() - 1);
                new OverloadReport(options, rate, calibration, result,
                        handled.size(), handled.stream().filter(HandledUpdate::handled).count(),
                        handledBetween(handled, result.loadStarted(), result.loadEnded()), lastCommit(handled),
                        drainSeconds, inbound, inboundOfChats, probe.checks(), probe.failures(), probe.longestGapMillis(),
                        heap.peakBytes(), heap.peakCommittedBytes(), heap.maxBytes(), heap.samples(),
                        service.peakRssBytes().orElse(-1)).print(out);
            }
        } finally {
            retries.shutdownNow();
        }
    }

    /** Updates whose turn committed within [from, to]. */
    private static long handledBetween(List<HandledUpdate> updates, Instant from, Instant to) {
        return updates.stream().filter(HandledUpdate::handled)
                .filter(u -> !u.committed().isBefore(from) && !u.committed().isAfter(to)).count();
    }

    private static Instant lastCommit(List<HandledUpdate> updates) {
        return updates.stream().filter(HandledUpdate::handled).map(HandledUpdate::committed)
                .max(Instant::compareTo).orElse(null);
    }

    /** Waits until no update in [first, last] is recorded but unhandled; the seconds it took, NaN past the cap. */
    private double awaitDrain(ServiceLedger ledger, long first, long last) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long left = ledger.awaitHandled(first, last, DRAIN_CAP);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress(left == 0 ? String.format("  backlog handled %.1f s later", seconds)
                : String.format("  %d updates still unhandled after %d s; going on", left, DRAIN_CAP.toSeconds()));
        return left == 0 ? seconds : Double.NaN;
    }

    /** People who have not talked to the bot yet, so each starts with /start as newcomers do. */
    private static List<SimulatedUser> chats(long firstTelegramId, int count) {
        List<SimulatedUser> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chats.add(new SimulatedUser(firstTelegramId + i, "bench-overload-" + (firstTelegramId + i), i, false));
        }
        return chats;
    }

    static long megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    private void progress(String line) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }
}
