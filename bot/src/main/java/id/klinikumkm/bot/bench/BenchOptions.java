package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code [--warmup S] [--seconds S] [--users N] [--connections N] [--paced PERCENT] [--paced-connections N]},
 * defaults 20, 30, 200, 64, 33, 200.
 *
 * @param pacedPercent     the fixed rate of the paced phases, in percent of the bare route's closed-loop rate; 0
 *                         skips them
 * @param pacedConnections the paced phases' connections: enough that requests do not wait for one at that rate
 */
record BenchOptions(Duration warmup, Duration measured, int users, int connections, int pacedPercent,
                    int pacedConnections) {

    static BenchOptions parse(String[] args) {
        Map<String, Integer> given = BenchArguments.parse(args,
                Set.of("--warmup", "--seconds", "--users", "--connections", "--paced", "--paced-connections"), Set.of());
        int warmup = given.getOrDefault("--warmup", 20);
        int seconds = given.getOrDefault("--seconds", 30);
        int users = given.getOrDefault("--users", 200);
        int connections = given.getOrDefault("--connections", 64);
        int paced = given.getOrDefault("--paced", 33);
        int pacedConnections = given.getOrDefault("--paced-connections", 200);
        if (warmup < 0 || seconds < 1 || users < 1 || connections < 1 || paced < 0 || paced > 100 || pacedConnections < 1) {
            throw new IllegalArgumentException(
                    "--warmup >= 0, --seconds, --users, --connections and --paced-connections >= 1, --paced 0-100");
        }
        return new BenchOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), users, connections, paced,
                pacedConnections);
    }

    double pacedFraction() {
        return pacedPercent / 100.0;
    }
}
