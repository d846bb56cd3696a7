package id.klinikumkm.bot.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
        Map<String, Integer> given = BenchArguments.parse(args, Set.of("--warmup", "--calibrate", "--seconds", "--chats",
                "--in-flight", "--connections", "--rate"), Set.of(OverloadBench.FLAG));
        int warmup = given.getOrDefault("--warmup", 10);
        int calibrate = given.getOrDefault("--calibrate", 15);
        int seconds = given.getOrDefault("--seconds", 60);
        int chats = given.getOrDefault("--chats", 1000);
        int inFlight = given.getOrDefault("--in-flight", 200);
        int connections = given.getOrDefault("--connections", 64);
        int rate = given.getOrDefault("--rate", 0);
        if (warmup < 0 || calibrate < 1 || seconds < 1 || chats < 1 || inFlight < 1 || connections < 1 || rate < 0) {
            throw new IllegalArgumentException("--warmup and --rate >= 0, the others >= 1");
        }
        return new OverloadOptions(Duration.ofSeconds(warmup), Duration.ofSeconds(calibrate), Duration.ofSeconds(seconds),
                chats, inFlight, connections, rate);
    }
}
