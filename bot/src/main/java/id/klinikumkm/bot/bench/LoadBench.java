package id.klinikumkm.bot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * {@code bench [--warmup S] [--seconds S] [--users N] [--connections N]}: load against a bare route (issue 11).
 * Starts a throwaway PostgreSQL, a fake Bot API, the bare route ({@link BaselineServer}) and the service, each
 * server in its own {@code -Xmx256m} JVM, then for the Telegram webhook and then the web chat: warms up both, and
 * measures the bare route and the service one after the other with the same closed-loop load and the same
 * messages; then offers the service a fixed rate, a share of the bare route's ({@link PacedLoad}), and measures its
 * latencies at that rate. Prints numbers; asserts nothing.
 */
public final class LoadBench {
    public static final String COMMAND = "bench";
    public static final String USAGE = COMMAND + " [--warmup S] [--seconds S] [--users N] [--connections N] [--paced PERCENT] "
            + "[--paced-connections N] | "
            + OverloadBench.USAGE;
    private static final Duration DRAIN_CAP = Duration.ofSeconds(120);
    private static final long FIRST_TELEGRAM_USER = 910_000_000L;
    private static final long WARM_UP_USERS = 1_000_000L;
    private static final long PACED_USERS = 2_000_000L;
    private static final int CONSULTING_ONE_IN = 10;

    private final BenchOptions options;
    private final PrintStream out;

    private LoadBench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains(OverloadBench.FLAG)) {
            return OverloadBench.run(args, out, err);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ". Usage: java -jar klinik-bot.jar " + USAGE);
            return 2;
        }
        Path workDir = temporaryDirectory();
        try {
            new LoadBench(options, out).run(workDir);
            return 0;
        } catch (Exception e) {
            err.println("bench failed: " + e);
            return 1;
        } finally {
            // The database is large and of no further use; the servers' logs are small and explain a bad number.
            deleteQuietly(workDir.resolve("pg"));
            out.println("Logs of the bare route and the service: " + workDir);
        }
    }

    private void run(Path workDir) throws Exception {
        Path jar = ChildJvm.thisJar();
        Path root = repositoryRoot(jar);
        HttpClient http = httpClient();
        ScheduledExecutorService retries = redeliveryTimer();
        progress("starting PostgreSQL (fsync on, synchronous_commit on, track_commit_timestamp on) and the fake Bot API");
        try (BenchDatabase database = BenchDatabase.start(workDir.resolve("pg"), options.statements() > 0);
             FakeTelegramApi telegram = FakeTelegramApi.start()) {
            int baselinePort = freePort();
            int servicePort = freePort();
            progress("starting the bare route and the service (java -Xmx256m -jar " + root.relativize(jar) + ", in " + root + ")"
                    + ChildJvm.serviceJavaOptions().map(options -> "; the service with JAVA_TOOL_OPTIONS=" + options).orElse(""));
            try (ChildJvm baseline = ChildJvm.start("bare route",
                         List.of(BaselineServer.COMMAND, String.valueOf(baselinePort), database.jdbcUrl(BenchDatabase.BASELINE_DATABASE)),
                         java.util.Map.of(), root, workDir.resolve("baseline.log"), baselinePort);
                 ChildJvm service = ChildJvm.startService(
                         ServiceEnvironment.of(database.jdbcUrl(BenchDatabase.SERVICE_DATABASE), telegram.baseUrl(), servicePort),
                         root, workDir.resolve("service.log"), servicePort)) {
                baseline.awaitReady(http);
                service.awaitReady(http);
                progress("both ready; web chat rate limits raised to " + ServiceEnvironment.RATE_PER_SESSION_PER_MINUTE
                        + "/min per session and " + ServiceEnvironment.RATE_PER_ADDRESS_PER_MINUTE
                        + "/min per address (all simulated users come from 127.0.0.1)");
                Phases phases = new Phases(new ClosedLoopLoad(http, retries, options.connections()),
                        new PacedLoad(http, retries, options.pacedConnections()), http,
                        database, telegram, baseline, service);
                BenchReport report = new BenchReport(options, out);
                phases.webhook(report);
                phases.webChat(report);
                report.print();
            }
        } finally {
            retries.shutdownNow();
        }
    }

    /** The phases of one run, in order; each prints a progress line. */
    private final class Phases {
        private final ClosedLoopLoad load;
        private final PacedLoad paced;
        private final HttpClient http;
        private final BenchDatabase database;
        private final ServiceLedger ledger;
        private final StatementStats statements;
        private final FakeTelegramApi telegram;
        private final ChildJvm baseline;
        private final ChildJvm service;
        private final TelegramUpdates updates = new TelegramUpdates();

        Phases(ClosedLoopLoad load, PacedLoad paced, HttpClient http, BenchDatabase database, FakeTelegramApi telegram,
               ChildJvm baseline, ChildJvm service) {
            this.load = load;
            this.paced = paced;
            this.http = http;
            this.database = database;
            this.ledger = new ServiceLedger(database);
            this.statements = new StatementStats(database);
            this.telegram = telegram;
            this.baseline = baseline;
            this.service = service;
        }

        void webhook(BenchReport report) throws Exception {
            LoadTarget bare = new UpdatePoster(baseline.baseUrl() + BaselineServer.ROUTE, "", updates);
            LoadTarget webhook = new UpdatePoster(service.baseUrl() + ServiceEnvironment.WEBHOOK_PATH,
                    ServiceEnvironment.WEBHOOK_SECRET, updates);
            phase("warm-up, bare route, webhook bodies", bare, users("bare-warm", WARM_UP_USERS, false), options.warmup());
            long warmServiceFirst = updates.peekNextUpdateId();
            phase("warm-up, service webhook", webhook, users("telegram-warm", WARM_UP_USERS, false), options.warmup());
            List<SimulatedUser> bareUsers = users("bare", 0, false);
            List<SimulatedUser> serviceUsers = users("telegram", 0, false);
            awaitDrain("the warm-up's backlog", warmServiceFirst, updates.peekNextUpdateId() - 1);
            long bareCpu = baseline.cpuNanos();
            long postgresCpu = database.cpuNanos();
            LoadResult bareResult = phase("measured, bare route, webhook bodies", bare, bareUsers, options.measured());
            ServiceUsage bareUsage = bareUsage(bareCpu, postgresCpu, bareResult);
            WebhookRun measured = onServiceWebhook("the measured backlog",
                    () -> phase("measured, service webhook", webhook, serviceUsers, options.measured()));
            report.webhook(bareResult, bareUsage, measured.load(), measured.findings(), measured.usage(), telegram.otherCalls());
            reportStatements(report, "Telegram webhook", "update handled", found(measured.findings()), measured.statements());
            if (options.pacedPercent() == 0) {
                return;
            }
            double rate = bareResult.requestsPerSecond() * options.pacedFraction();
            WebhookRun paced = onServiceWebhook("the paced backlog", () -> pacedPhase("paced, service webhook", webhook,
                    users("telegram-paced", PACED_USERS, false), rate));
            report.pacedWebhook(rate, paced.load(), paced.findings(), paced.usage());
        }

        /**
         * The bare route's RSS and CPU, and PostgreSQL's, over its phase. (PostgreSQL's includes the service's
         * outbox sending its backlog at Telegram's pace meanwhile, a few claims and updates a second.)
         */
        private ServiceUsage bareUsage(long cpuBefore, long postgresCpuBefore, LoadResult result) {
            return new ServiceUsage(-1, baseline.peakRssBytes().orElse(-1),
                    ServiceUsage.cpuMillisPer(cpuBefore, baseline.cpuNanos(), result.answered()),
                    ServiceUsage.cpuMillisPer(postgresCpuBefore, database.cpuNanos(), result.answered()));
        }

        private void resetStatements() throws SQLException {
            if (options.statements() > 0) {
                statements.reset();
            }
        }

        /** The costliest statements since the last {@link #resetStatements} when asked for, else none. */
        private List<StatementStats.Row> topStatements() throws SQLException {
            return options.statements() > 0 ? statements.top(options.statements()) : List.of();
        }

        private void reportStatements(BenchReport report, String route, String unit, long units,
                                      List<StatementStats.Row> rows) {
            if (options.statements() > 0) {
                report.statements(route, unit, units, rows);
            }
        }

        /** What one load on the service's webhook did, once its backlog drained. */
        private record WebhookRun(LoadResult load, WebhookFindings findings, ServiceUsage usage,
                                  List<StatementStats.Row> statements) {}

        /**
         * Runs a load on the service's webhook and waits for its backlog; then reads from the ledger and the fake Bot
         * API what became of those updates, and the service's heap, RSS and CPU over it, and PostgreSQL's CPU and
         * (with {@code --statements}) costliest statements.
         */
        private WebhookRun onServiceWebhook(String backlog, Callable<LoadResult> load) throws Exception {
            resetStatements();
            long first = updates.peekNextUpdateId();
            long cpuBefore = service.cpuNanos();
            long postgresCpuBefore = database.cpuNanos();
            LoadResult result;
            long peakHeap;
            try (HeapSampler heap = HeapSampler.start(http, service.baseUrl())) {
                result = load.call();
                awaitDrain(backlog, first, updates.peekNextUpdateId() - 1);
                peakHeap = heap.peakBytes();
            }
            long cpuAfter = service.cpuNanos();
            long postgresCpuAfter = database.cpuNanos();
            // Read before the ledger's queries for the findings below add to them (the drain's few polls are in).
            List<StatementStats.Row> statements = topStatements();
            long last = updates.peekNextUpdateId() - 1;
            List<FakeTelegramApi.SentMessage> calls = telegram.sentMessages();
            WebhookFindings findings = WebhookFindings.of(result, ledger.updates(first, last), updates,
                    SentReplies.match(calls, ledger.sentReplies()), calls, ledger.stillQueued(),
                    ledger.inboundRowsSharingTheTurnsXmin(first, last));
            return new WebhookRun(result, findings, new ServiceUsage(peakHeap, service.peakRssBytes().orElse(-1),
                    ServiceUsage.cpuMillisPer(cpuBefore, cpuAfter, found(findings)),
                    ServiceUsage.cpuMillisPer(postgresCpuBefore, postgresCpuAfter, found(findings))), statements);
        }

        void webChat(BenchReport report) throws Exception {
            LoadTarget bare = new UpdatePoster(baseline.baseUrl() + BaselineServer.ROUTE, "", updates);
            WebChatPoster chat = new WebChatPoster(service.baseUrl());
            phase("warm-up, bare route, web chat messages as updates", bare, users("bare-web-warm", WARM_UP_USERS, true),
                    options.warmup());
            phase("warm-up, service web chat", chat, users("web-warm", WARM_UP_USERS, true), options.warmup());
            List<SimulatedUser> bareUsers = users("bare-web", 0, true);
            List<SimulatedUser> serviceUsers = users("web", 0, true);
            long bareCpu = baseline.cpuNanos();
            long postgresCpu = database.cpuNanos();
            LoadResult bareResult = phase("measured, bare route, web chat messages as updates", bare, bareUsers,
                    options.measured());
            ServiceUsage bareUsage = bareUsage(bareCpu, postgresCpu, bareResult);
            WebChatRun measured = onServiceWebChat(chat, serviceUsers,
                    () -> phase("measured, service web chat", chat, serviceUsers, options.measured()));
            report.webChat(bareResult, bareUsage, measured.load(), measured.findings(), measured.usage());
            reportStatements(report, "web chat", "request answered", measured.load().answered(), measured.statements());
            if (options.pacedPercent() == 0) {
                return;
            }
            double rate = bareResult.requestsPerSecond() * options.pacedFraction();
            List<SimulatedUser> pacedUsers = users("web-paced", PACED_USERS, true);
            WebChatRun paced = onServiceWebChat(chat, pacedUsers,
                    () -> pacedPhase("paced, service web chat", chat, pacedUsers, rate));
            report.pacedWebChat(rate, paced.load(), paced.findings(), paced.usage());
        }

        /** What one load on the service's web chat did. */
        private record WebChatRun(LoadResult load, WebChatFindings findings, ServiceUsage usage,
                                  List<StatementStats.Row> statements) {}

        /**
         * Runs a load of {@code users} on the web chat, with the service's heap, RSS and CPU over it, and
         * PostgreSQL's CPU and (with {@code --statements}) costliest statements.
         */
        private WebChatRun onServiceWebChat(WebChatPoster chat, List<SimulatedUser> users, Callable<LoadResult> load)
                throws Exception {
            chat.reset();
            resetStatements();
            long cpuBefore = service.cpuNanos();
            long postgresCpuBefore = database.cpuNanos();
            LoadResult result;
            long peakHeap;
            try (HeapSampler heap = HeapSampler.start(http, service.baseUrl())) {
                result = load.call();
                peakHeap = heap.peakBytes();
            }
            WebChatFindings findings = new WebChatFindings(chat.withoutReply(), chat.duplicated(), chat.casesOpened(),
                    users.stream().filter(SimulatedUser::asksForConsultation).count());
            return new WebChatRun(result, findings, new ServiceUsage(peakHeap, service.peakRssBytes().orElse(-1),
                    ServiceUsage.cpuMillisPer(cpuBefore, service.cpuNanos(), result.answered()),
                    ServiceUsage.cpuMillisPer(postgresCpuBefore, database.cpuNanos(), result.answered())),
                    topStatements());
        }

        /** The updates of a webhook phase the service handled, during the load or the drain. */
        private long found(WebhookFindings findings) {
            return findings.recorded() - findings.lost();
        }

        private LoadResult pacedPhase(String name, LoadTarget target, List<SimulatedUser> users, double rate)
                throws InterruptedException {
            progress(String.format("%s at %.0f req/s (%d %% of the bare route's), %d s", name, rate,
                    options.pacedPercent(), options.measured().toSeconds()));
            LoadResult result = paced.run(target, users, rate, options.measured());
            progress(String.format("  %.0f req/s answered, %d back-pressure, %d errors, p99 from due %.1f ms%s",
                    result.requestsPerSecond(), result.backPressure(), result.errors(), result.latencyMillis(0.99),
                    result.firstError() == null ? "" : " (first error: " + result.firstError() + ")"));
            return result;
        }

        private LoadResult phase(String name, LoadTarget target, List<SimulatedUser> users, Duration duration)
                throws InterruptedException {
            if (duration.isZero()) {
                return null;
            }
            progress(name + ", " + duration.toSeconds() + " s");
            LoadResult result = load.run(target, users, duration);
            progress(String.format("  %.0f req/s, %d back-pressure, %d errors, p99 %.1f ms%s", result.requestsPerSecond(),
                    result.backPressure(), result.errors(), result.latencyMillis(0.99),
                    result.firstError() == null ? "" : " (first error: " + result.firstError() + ")"));
            return result;
        }

        /** Waits until every update in [first, last] is handled, at most {@link #DRAIN_CAP}. */
        private void awaitDrain(String what, long first, long last) throws SQLException, InterruptedException {
            long start = System.nanoTime();
            long left = ledger.awaitHandled(first, last, DRAIN_CAP);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress(left == 0 ? String.format("  %s handled %.1f s after the load", what, seconds)
                    : String.format("  %s: %d updates still unhandled after %d s; going on", what, left, DRAIN_CAP.toSeconds()));
        }

        /**
         * New people for each phase, so a measured phase starts with /start as a burst of newcomers does; the bare
         * route and the service get the same scripts. In the web chat one in {@link #CONSULTING_ONE_IN} fills in
         * the intake form after consenting; in Telegram nobody does, because the form's buttons reach a user only
         * through the outbox, which is paced at 1 message per second per chat and far behind under this load.
         */
        private List<SimulatedUser> users(String population, long idOffset, boolean someConsult) {
            List<SimulatedUser> users = new ArrayList<>();
            for (int i = 0; i < options.users(); i++) {
                users.add(new SimulatedUser(FIRST_TELEGRAM_USER + idOffset + i,
                        String.format("bench-%s-%08d-session", population, i), i, someConsult && i % CONSULTING_ONE_IN == 0));
            }
            return users;
        }
    }

    private void progress(String line) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

    /** The repository root when the jar is bot/target/klinik-bot.jar of a checkout, else the working directory. */
    static Path repositoryRoot(Path jar) {
        Path candidate = jar.toAbsolutePath().getParent().getParent().getParent();
        if (candidate != null && Files.isDirectory(candidate.resolve("nlp-models")) && Files.isDirectory(candidate.resolve("config"))) {
            return candidate;
        }
        return Path.of("").toAbsolutePath();
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Re-delivers what was refused, as Telegram does. */
    static ScheduledExecutorService redeliveryTimer() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-redelivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("klinik-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
