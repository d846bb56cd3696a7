package id.klinikumkm.bot.bench;

/** Memory of a JVM over a phase, in bytes; -1 where it could not be read. */
record ServiceUsage(long peakHeapBytes, long peakRssBytes) {
    static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f", bytes / 1048576.0);
    }
}
