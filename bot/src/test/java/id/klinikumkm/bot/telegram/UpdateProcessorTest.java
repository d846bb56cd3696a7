package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ChatSession;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.ConversationStore;
import id.klinikumkm.bot.conversation.OutboundMessage;
import id.klinikumkm.bot.conversation.TranscriptEntry;
import id.klinikumkm.bot.storage.OutboxDao;
import id.klinikumkm.bot.storage.ProcessedUpdateDao;
import id.klinikumkm.bot.testing.InMemoryConversationStore;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * An update already queued or being handled is not queued again when a sweep finds it still unhandled, and the
 * queue holds no more than its capacity.
 */
class UpdateProcessorTest {

    /** An in-memory store whose turns a test can hold up or fail; reading goes straight through. */
    private abstract static class WrappedStore implements ConversationStore {
        final InMemoryConversationStore delegate = new InMemoryConversationStore();

        @Override
        public List<OutboundMessage> outboundAfter(ChatKey chat, long afterId, int limit) {
            return delegate.outboundAfter(chat, afterId, limit);
        }

        @Override
        public List<TranscriptEntry> history(ChatKey chat, int limit) {
            return delegate.history(chat, limit);
        }
    }

    /** Holds the first turn until released, and counts turns. */
    private static final class HeldStore extends WrappedStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger turns = new AtomicInteger();

        @Override
        public <T> T inChat(ChatKey chat, Function<ChatSession, T> work) {
            turns.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.inChat(chat, work);
        }
    }

    @Test
    void a_queued_update_is_not_queued_twice_but_may_be_again_once_handled() throws Exception {
        HeldStore store = new HeldStore();
        ConversationEngine engine = new ConversationEngine(store, BotTexts.load());
        Update update = TelegramJson.create().readValue("""
                {"update_id": 10, "message": {"message_id": 1, "date": 1700000000,
                 "chat": {"id": 55, "type": "private", "first_name": "Siti"},
                 "from": {"id": 55, "is_bot": false, "first_name": "Siti"}, "text": "halo"}}
                """, Update.class);
        try (UpdateProcessor processor = new UpdateProcessor(2, 16, engine, mock(ProcessedUpdateDao.class), mock(OutboxDao.class),
                mock(TelegramClient.class), () -> { })) {
            assertThat(processor.dispatch(update, java.time.Duration.ZERO)).isTrue();
            assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(processor.dispatch(update, java.time.Duration.ZERO)).as("still being handled").isFalse();

            store.release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean queuedAgain = false;
            while (!queuedAgain && System.nanoTime() < deadline) {
                queuedAgain = processor.dispatch(update, java.time.Duration.ZERO);
                Thread.sleep(10);
            }
            assertThat(queuedAgain).as("a handled update may be queued again (a failed one is retried)").isTrue();
        }
        assertThat(store.turns.get()).isEqualTo(2);
    }

    @Test
    void the_queue_is_bounded_and_room_comes_back_once_handled() throws Exception {
        HeldStore store = new HeldStore();
        ConversationEngine engine = new ConversationEngine(store, BotTexts.load());
        try (UpdateProcessor processor = new UpdateProcessor(2, 2, engine, mock(ProcessedUpdateDao.class), mock(OutboxDao.class),
                mock(TelegramClient.class), () -> { })) {
            assertThat(processor.reserve(java.time.Duration.ZERO)).isTrue();
            processor.dispatchReserved(message(1, 55));
            assertThat(processor.reserve(java.time.Duration.ZERO)).isTrue();
            processor.dispatchReserved(message(2, 56));
            assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(processor.waiting()).isEqualTo(2);
            assertThat(processor.reserve(java.time.Duration.ofMillis(50))).as("full").isFalse();
            assertThat(processor.dispatch(message(3, 57), java.time.Duration.ZERO)).as("a sweep waits too").isFalse();

            store.release.countDown();
            assertThat(processor.reserve(java.time.Duration.ofSeconds(5))).as("room once handled").isTrue();
            processor.cancelReservation();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (processor.waiting() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(processor.waiting()).isZero();
        }
        assertThat(store.turns.get()).isEqualTo(2);
    }

    @Test
    void the_earlier_unhandled_updates_of_a_chat_are_handled_before_it_and_only_once() throws Exception {
        // What an instance that died leaves: update 10 of chat 55 recorded, never handled; 11 arrives elsewhere.
        InMemoryConversationStore store = new InMemoryConversationStore();
        ConversationEngine engine = new ConversationEngine(store, BotTexts.load());
        ProcessedUpdateDao updates = mock(ProcessedUpdateDao.class);
        String earlier = TelegramJson.create().writeValueAsString(command(10, 55, "/menu"));
        UpdateProcessor.EarlierUnhandled recorded = (channel, chatId, updateId, maxAttempts) ->
                channel.equals("telegram") && chatId.equals("55") && updateId == 11L
                        && maxAttempts == UpdateIntake.MAX_ATTEMPTS ? List.of(earlier) : List.of();
        try (UpdateProcessor processor = new UpdateProcessor(2, 16, engine, updates, recorded, mock(OutboxDao.class),
                mock(TelegramClient.class), () -> { }, took -> { }, TelegramJson.create())) {
            assertThat(processor.dispatch(command(11, 55, "/status"), java.time.Duration.ZERO)).isTrue();
            awaitIdle(processor);
            // The sweep finds 10 too, later: it was handled already and is not answered again.
            assertThat(processor.dispatch(command(10, 55, "/menu"), java.time.Duration.ZERO)).isTrue();
            awaitIdle(processor);
        }
        List<String> transcript = store.history(new ChatKey(Channel.TELEGRAM, "55"), 20).stream()
                .map(entry -> entry.author() + ": " + entry.text().lines().findFirst().orElse("")).toList();
        assertThat(transcript).filteredOn(line -> line.startsWith("user")).containsExactly("user: /menu", "user: /status");
        assertThat(transcript).filteredOn(line -> line.startsWith("bot")).hasSize(2);
    }

    @Test
    void a_chats_earlier_updates_are_looked_for_only_when_its_record_found_some_or_a_handling_there_failed() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        ConversationStore failingOnce = new WrappedStore() {
            @Override
            public <T> T inChat(ChatKey chat, Function<ChatSession, T> work) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("the turn failed");
                }
                return delegate.inChat(chat, work);
            }
        };
        ConversationEngine engine = new ConversationEngine(failingOnce, BotTexts.load());
        List<Long> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        UpdateProcessor.EarlierUnhandled earlier = (channel, chatId, updateId, maxAttempts) -> {
            asked.add(updateId);
            return List.of();
        };
        try (UpdateProcessor processor = new UpdateProcessor(2, 16, engine, mock(ProcessedUpdateDao.class), earlier,
                mock(OutboxDao.class), mock(TelegramClient.class), () -> { }, took -> { }, TelegramJson.create())) {
            dispatchRecorded(processor, message(20, 56), false);
            assertThat(asked).as("its record found none: not asked; its turn fails").isEmpty();
            dispatchRecorded(processor, message(21, 56), false);
            assertThat(asked).as("a handling in its chat failed since its record").containsExactly(21L);
            dispatchRecorded(processor, message(22, 56), false);
            assertThat(asked).as("the last look found none").containsExactly(21L);
            dispatchRecorded(processor, message(23, 57), true);
            assertThat(asked).as("its record found some").containsExactly(21L, 23L);
        }
    }

    private static void dispatchRecorded(UpdateProcessor processor, Update update, boolean behindUnhandled) throws Exception {
        assertThat(processor.reserve(java.time.Duration.ZERO)).isTrue();
        processor.dispatchReserved(update, -1, behindUnhandled);
        awaitIdle(processor);
    }

    private static void awaitIdle(UpdateProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (processor.waiting() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(processor.waiting()).isZero();
    }

    private static Update command(int updateId, long chatId, String text) throws Exception {
        return TelegramJson.create().readValue("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                 "chat": {"id": %d, "type": "private", "first_name": "Siti"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Siti"}, "text": "%s",
                 "entities": [{"type": "bot_command", "offset": 0, "length": %d}]}}
                """.formatted(updateId, updateId, chatId, chatId, text, text.length()), Update.class);
    }

    private static Update message(int updateId, long chatId) throws Exception {
        return TelegramJson.create().readValue("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                 "chat": {"id": %d, "type": "private", "first_name": "Siti"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Siti"}, "text": "halo"}}
                """.formatted(updateId, updateId, chatId, chatId), Update.class);
    }
}
