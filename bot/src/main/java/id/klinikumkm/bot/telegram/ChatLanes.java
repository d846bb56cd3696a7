package id.klinikumkm.bot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one chat strictly one after another, and those of different chats in parallel on one shared
 * pool. Unlike a fixed thread per slice of chats, a free thread takes whichever chat has work, so a small queue
 * keeps every thread busy. A chat with several tasks goes back to the end of the line after each one.
 */
final class ChatLanes implements AutoCloseable {
    private final ExecutorService pool;
    /** Chats with a task running or queued; the deque holds the ones still to run. Guarded by itself. */
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();

    ChatLanes(int threads, String threadName) {
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, threadName + "-" + number.getAndIncrement()));
    }

    /** Runs {@code task} after the earlier tasks of {@code chat}. {@code task} must not throw. */
    void execute(String chat, Runnable task) {
        synchronized (lanes) {
            ArrayDeque<Runnable> lane = lanes.get(chat);
            if (lane != null) {
                lane.add(task);
                return;
            }
            lanes.put(chat, new ArrayDeque<>());
        }
        pool.execute(() -> run(chat, task));
    }

    private void run(String chat, Runnable task) {
        try {
            task.run();
        } finally {
            Runnable next;
            synchronized (lanes) {
                ArrayDeque<Runnable> lane = lanes.get(chat);
                next = lane.poll();
                if (next == null) {
                    lanes.remove(chat);
                }
            }
            if (next != null) {
                Runnable following = next;
                pool.execute(() -> run(chat, following));
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
