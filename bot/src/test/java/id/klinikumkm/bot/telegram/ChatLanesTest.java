package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatLanesTest {

    @Test
    void tasks_of_one_chat_run_in_order_and_one_at_a_time() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(20 * 50);
        try (ChatLanes lanes = new ChatLanes(4, "test-lanes")) {
            for (int i = 0; i < 50; i++) {
                for (int chat = 0; chat < 20; chat++) {
                    String key = "chat-" + chat;
                    int number = i;
                    lanes.execute(key, () -> {
                        if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(number);
                        running.get(key).decrementAndGet();
                        done.countDown();
                    });
                }
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlaps.get()).isZero();
        assertThat(seen).hasSize(20);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        seen.values().forEach(order -> assertThat(order).isEqualTo(expected));
    }

    @Test
    void a_busy_chat_does_not_hold_up_the_others() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes(2, "test-lanes")) {
            lanes.execute("slow", () -> await(release));
            lanes.execute("slow", () -> { });
            lanes.execute("quick", otherRan::countDown);
            assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
