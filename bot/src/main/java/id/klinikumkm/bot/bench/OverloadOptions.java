package id.klinikumkm.bot.bench;

import java.time.Duration;

/**
 * {@code --overload [--warmup S] [--calibrate S] [--seconds S] [--chats N] [--in-flight N] [--connections N]
 * [--rate N]}, defaults 10, 15, 60, 1000, 200, 64, 0: warm-up and measurement of the handled rate R (closed loop
 * over N connections), then the overload's length, its number of chats, its cap on requests in flight, and its
 * arrival rate in updates/s (0: twice R). A fixed rate is there because R from a closed loop on a shared machine
 * moves from run to run, and a run at a rate given by hand can be repeated.
 */
record OverloadOptions(Duration warmup, Duration calibrate, Duration overload, int chats, int inFlight, int connections,
                       int rate) {

    static OverloadOptions parse(String[] args) {
        int warmup = 10;
        int calibrate = 15;
        int seconds = 60;
        int chats = 1000;
        int inFlight = 200;
        int connections = 64;
        int rate = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(OverloadBench.FLAG)) {
                continue;
            }
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
                case "--calibrate" -> calibrate = value;
                case "--seconds" -> seconds = value;
                case "--chats" -> chats = value;
                case "--in-flight" -> inFlight = value;
                case "--connections" -> connections = value;
                case "--rate" -> rate = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (warmup < 0 || calibrate < 1 || seconds < 1 || chats < 1 || inFlight < 1 || connections < 1 || rate < 0) {
            throw new IllegalArgumentException("--warmup and --rate >= 0, the others >= 1");
        }
        return new OverloadOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(calibrate), Duration.ofSeconds(seconds),
                chats, inFlight, connections, rate);
    }
}
