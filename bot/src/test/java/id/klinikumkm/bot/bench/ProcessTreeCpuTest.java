package id.klinikumkm.bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessTreeCpuTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void counts_a_busy_child_while_it_runs_and_after_it_was_waited_for() throws Exception {
        long before = ProcessTreeCpu.nanos(SELF);
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        long childSoFar = 0;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
             childSoFar < 200_000_000L && System.nanoTime() < deadline; Thread.sleep(50)) {
            childSoFar = ownTicksNanos(child.pid());
        }
        long whileRunning = ProcessTreeCpu.nanos(SELF);
        assertTrue(childSoFar >= 200_000_000L, "the child should have been busy for 0.2 s by now: " + childSoFar);
        assertTrue(whileRunning - before >= childSoFar, "a living child's time counts: " + (whileRunning - before));
        child.destroy();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        Thread.sleep(100);
        long afterExit = ProcessTreeCpu.nanos(SELF);
        assertTrue(afterExit - before >= childSoFar, "an exited child's time counts through cutime: " + (afterExit - before));
    }

    @Test
    void a_process_that_is_not_there_reads_as_minus_one() {
        assertEquals(-1, ProcessTreeCpu.nanos(Long.MAX_VALUE));
    }

    private static long ownTicksNanos(long pid) throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
