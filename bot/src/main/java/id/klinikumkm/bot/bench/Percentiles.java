package id.klinikumkm.bot.bench;

/** Nearest-rank percentiles of sorted nanosecond samples. */
final class Percentiles {
    private Percentiles() {}

    static double millis(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
    }
}
