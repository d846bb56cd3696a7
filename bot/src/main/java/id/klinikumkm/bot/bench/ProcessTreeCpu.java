package id.klinikumkm.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of a process and its children (Linux /proc), for PostgreSQL, which runs a process per connection
 * plus background workers. Children that have exited and been waited for count through their parent's
 * cutime/cstime, so autovacuum workers that come and go during a phase are not lost.
 */
final class ProcessTreeCpu {
    /** USER_HZ, the unit of /proc/PID/stat's times: 100 on Linux for x86 and ARM. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessTreeCpu() {}

    /** User and system time of {@code pid}, its waited-for children and its living children; -1 if unreadable. */
    static long nanos(long pid) {
        long[] own = times(pid);
        if (own.length == 0) {
            return -1;
        }
        long ticks = own[0] + own[1] + own[2] + own[3];
        long[] children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).mapToLong(ProcessHandle::pid).toArray();
        for (long child : children) {
            long[] times = times(child);
            if (times.length > 0) {
                ticks += times[0] + times[1];
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** utime, stime, cutime and cstime of /proc/PID/stat in ticks; empty when the process is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
