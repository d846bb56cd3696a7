package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** {@code [--warmup S] [--seconds S] [--users N] [--connections N]}, defaults 20, 30, 200, 64. */
record BenchOptions(Duration warmup, Duration measured, int users, int connections) {

    static BenchOptions parse(String[] args) {
        Map<String, Integer> given = BenchArguments.parse(args,
                Set.of("--warmup", "--seconds", "--users", "--connections"), Set.of());
        int warmup = given.getOrDefault("--warmup", 20);
        int seconds = given.getOrDefault("--seconds", 30);
        int users = given.getOrDefault("--users", 200);
        int connections = given.getOrDefault("--connections", 64);
        if (warmup < 0 || seconds < 1 || users < 1 || connections < 1) {
            throw new IllegalArgumentException("--warmup >= 0, --seconds, --users and --connections >= 1");
        }
        return new BenchOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), users, connections);
    }
}
