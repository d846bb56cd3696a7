package id.klinikumkm.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One JVM started from this jar with {@code -Xmx256m} and the java binary running the bench: the bare route or
 * the service. Its output goes to a log file (printed in part when it fails to start). Destroyed on close and by a
 * shutdown hook, so an interrupted bench leaves no server running.
 */
final class ChildJvm implements AutoCloseable {
    private static final String HEAP = "-Xmx256m";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final Thread killer;

    private ChildJvm(String name, Process process, Path log, String baseUrl) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.killer = new Thread(process::destroyForcibly, "bench-kill-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts {@code java -Xmx256m -jar klinik-bot.jar ARGS} in {@code workingDirectory} with extra environment. */
    static ChildJvm start(String name, List<String> args, Map<String, String> environment, Path workingDirectory,
                          Path log, int port) {
        return start(name, thisJar(), args, environment, workingDirectory, log, port);
    }

    /**
     * Starts the service from the jar named by {@code KLINIK_BENCH_SERVICE_JAR} (another build, e.g. of an
     * earlier commit, to measure what a change gained), else from this jar.
     */
    static ChildJvm startService(Map<String, String> environment, Path workingDirectory, Path log, int port) {
        Path jar = Optional.ofNullable(System.getenv(SERVICE_JAR)).map(Path::of).orElseGet(ChildJvm::thisJar);
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        serviceJavaOptions().ifPresent(options -> serviceEnvironment.put("JAVA_TOOL_OPTIONS", options));
        return start("service", jar, List.of(), serviceEnvironment, workingDirectory, log, port);
    }

    static final String SERVICE_JAR = "KLINIK_BENCH_SERVICE_JAR";
    /** JVM options for the service alone (its JAVA_TOOL_OPTIONS), to compare JVM settings against the same bare route. */
    static final String SERVICE_JAVA_OPTIONS = "KLINIK_BENCH_SERVICE_JAVA_OPTIONS";

    static Optional<String> serviceJavaOptions() {
        return Optional.ofNullable(System.getenv(SERVICE_JAVA_OPTIONS)).filter(options -> !options.isBlank());
    }

    private static ChildJvm start(String name, Path jar, List<String> args, Map<String, String> environment,
                                  Path workingDirectory, Path log, int port) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(name, builder.start(), log, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name, e);
        }
    }

    /** The jar this class was loaded from (its manifest names the libraries in lib/). */
    static Path thisJar() {
        try {
            Path location = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("the bench runs from the packaged jar (mvn -DskipTests package), not from " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code GET /ready} answers 200; fails with the end of the log if the JVM exits or time runs out. */
    void awaitReady(HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Starting up.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the " + name + " was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** Peak resident set size so far (VmHWM), in bytes, from /proc; empty where there is no /proc. */
    /** The process's CPU time so far (user and system, all threads), in nanoseconds; -1 where it cannot be read. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    OptionalLong peakRssBytes() {
        return ProcStatus.kilobytes(process.pid(), "VmHWM").stream().map(kb -> kb * 1024).findFirst();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }
}
