package id.klinikumkm.bot.bench;

import java.time.Duration;

/** {@code [--warmup S] [--seconds S] [--users N] [--connections N]}, defaults 20, 30, 200, 64. */
record BenchOptions(Duration warmup, Duration measured, int users, int connections) {

    static BenchOptions parse(String[] args) {
        int warmup = 20;
        int seconds = 30;
        int users = 200;
        int connections = 64;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            int value;
            try {
                value = Integer.parseInt(args[i + 1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i] + " needs a whole number, not '" + args[i + 1] + "'");
            }
            switch (args[i]) {
                case "--warmup" -> warmup = value;
                case "--seconds" -> seconds = value;
                case "--users" -> users = value;
                case "--connections" -> connections = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (warmup < 0 || seconds < 1 || users < 1 || connections < 1) {
            throw new IllegalArgumentException("--warmup >= 0, --seconds, --users and --connections >= 1");
        }
        return new BenchOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), users, connections);
    }
}
