package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code [--warmup S] [--seconds S] [--users N] [--connections N] [--paced PERCENT] [--paced-connections N]
 * [--statements N]}, defaults 20, 30, 200, 64, 33, 200, 0.
 *
 * @param pacedPercent     the fixed rate of the paced phases, in percent of the bare route's closed-loop rate; 0
 *                         skips them
 * @param pacedConnections the paced phases' connections: enough that requests do not wait for one at that rate
 * @param statements       how many of PostgreSQL's costliest statements to print for each measured service
 *                         phase (pg_stat_statements); 0 does not load it
 */
record BenchOptions(Duration warmup, Duration measured, int users, int connections, int pacedPercent,
                    int pacedConnections, int statements) {

    static BenchOptions parse(String[] args) {
        Map<String, Integer> given = BenchArguments.parse(args,
                Set.of("--warmup", "--seconds", "--users", "--connections", "--paced", "--paced-connections", "--statements"),
                Set.of());
        int warmup = given.getOrDefault("--warmup", 20);
        int seconds = given.getOrDefault("--seconds", 30);
        int users = given.getOrDefault("--users", 200);
        int connections = given.getOrDefault("--connections", 64);
        int paced = given.getOrDefault("--paced", 33);
        int pacedConnections = given.getOrDefault("--paced-connections", 200);
        int statements = given.getOrDefault("--statements", 0);
        if (warmup < 0 || seconds < 1 || users < 1 || connections < 1 || paced < 0 || paced > 100 || pacedConnections < 1
                || statements < 0) {
            throw new IllegalArgumentException("--warmup and --statements >= 0, --seconds, --users, --connections and "
                    + "--paced-connections >= 1, --paced 0-100");
        }
        return new BenchOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), users, connections, paced,
                pacedConnections, statements);
    }

    double pacedFraction() {
        return pacedPercent / 100.0;
    }
}
