package id.klinikumkm.bot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/klinik-bot.jar}) running in a JVM of its own, as the README starts it, with only
 * the given {@code KLINIK_*} / {@code TELEGRAM_*} environment. Its output goes to a log file, shown when it fails to
 * start. {@link #kill()} is {@code kill -9}; {@link #close()} destroys it if it still runs.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "klinik-bot.jar").toAbsolutePath();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java [jvmOptions] -jar klinik-bot.jar} in {@code workDir}, its output to {@code log}. */
    public static ServiceProcess start(Path workDir, Map<String, String> env, Path log, List<String> jvmOptions) {
        assertTrue(Files.isRegularFile(JAR), "run 'mvn package' first: " + JAR + " is missing");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("KLINIK_") || k.startsWith("TELEGRAM_"));
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceProcess start(Path workDir, Map<String, String> env, Path log) {
        return start(workDir, env, log, List.of());
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code GET /ready} on {@code port} answers 200; fails with the log if the JVM exits first. */
    public ServiceProcess awaitReady(int port) {
        HttpJson http = new HttpJson(port);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (http.get("/ready").status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notYetListening) {
                // keep waiting
            }
            sleep(200);
        }
        throw new AssertionError("not ready within " + READY_TIMEOUT.toSeconds() + " s: " + log());
    }

    /** {@code kill -9}: no shutdown hook, no graceful close; returns once the process is gone. */
    public void kill() {
        try {
            assertTrue(process.destroyForcibly().waitFor(30, TimeUnit.SECONDS), "process did not die on kill -9");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
