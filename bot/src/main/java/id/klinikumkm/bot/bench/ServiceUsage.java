package id.klinikumkm.bot.bench;

/**
 * What a JVM used over a phase: memory in bytes, -1 where it could not be read; its CPU time (user and system,
 * all threads) and PostgreSQL's (all its processes) per request answered or update handled, in milliseconds, NaN
 * where it could not be read.
 */
record ServiceUsage(long peakHeapBytes, long peakRssBytes, double cpuMillisPerRequest, double postgresCpuMillisPerRequest) {
    static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f", bytes / 1048576.0);
    }

    /** CPU per request from two readings of a CPU time in nanoseconds; NaN when either is missing. */
    static double cpuMillisPer(long cpuBefore, long cpuAfter, long requests) {
        return cpuBefore < 0 || cpuAfter < 0 || requests == 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e6 / requests;
    }
}
