package id.klinikumkm.bot.telegram;

import static id.klinikumkm.bot.telegram.FakeBotApi.ANY_CHAT;
import static id.klinikumkm.bot.telegram.FakeBotApi.BOT_ID;
import static id.klinikumkm.bot.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.DeleteMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberBanned;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake Bot API, driven by the real TelegramBots 10 library. */
class FakeBotApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long SITI = 1001L;
    private static final OkHttpClient OK_HTTP = new OkHttpClient();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi fake;
    private OkHttpTelegramClient telegram;

    @BeforeEach
    void start() {
        fake = FakeBotApi.start();
        telegram = new OkHttpTelegramClient(OK_HTTP, TOKEN, fake.telegramUrl());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @AfterAll
    static void releaseHttpClient() {
        OK_HTTP.dispatcher().executorService().shutdown();
        OK_HTTP.connectionPool().evictAll();
    }

    @Test
    void the_library_sends_a_message_with_an_inline_keyboard_and_gets_a_realistic_message_back() throws Exception {
        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Modal").callbackData("topic:modal").build(),
                        InlineKeyboardButton.builder().text("Pemasaran").callbackData("topic:marketing").build()))
                .build();

        Message first = telegram.execute(SendMessage.builder().chatId(SITI).text("Halo Siti!").replyMarkup(keyboard).build());
        Message second = telegram.execute(SendMessage.builder().chatId(SITI).text("Ada lagi?").build());
        Message elsewhere = telegram.execute(SendMessage.builder().chatId(2002L).text("Halo!").build());

        assertThat(first.getMessageId()).isEqualTo(1);
        assertThat(second.getMessageId()).isEqualTo(2);
        assertThat(elsewhere.getMessageId()).isEqualTo(1);
        assertThat(first.getChatId()).isEqualTo(SITI);
        assertThat(first.getChat().getType()).isEqualTo("private");
        assertThat(first.getText()).isEqualTo("Halo Siti!");
        assertThat(first.getFrom().getId()).isEqualTo(BOT_ID);
        assertThat(first.getFrom().getIsBot()).isTrue();
        assertThat(first.getDate()).isPositive();
        assertThat(first.getReplyMarkup().getKeyboard().get(0)).extracting(InlineKeyboardButton::getCallbackData)
                .containsExactly("topic:modal", "topic:marketing");

        assertThat(fake.sentMessages()).extracting(FakeBotApi.Call::text).containsExactly("Halo Siti!", "Ada lagi?", "Halo!");
        List<FakeBotApi.Call> toSiti = fake.sentTo(SITI);
        assertThat(toSiti).hasSize(2);
        FakeBotApi.Call call = toSiti.get(0);
        assertThat(call.method()).isEqualTo("sendMessage");
        assertThat(call.chatId()).isEqualTo(SITI);
        assertThat(call.ok()).isTrue();
        assertThat(call.inlineButtons()).extracting(button -> button.get("callback_data"))
                .containsExactly("topic:modal", "topic:marketing");
        assertThat(call.at()).isNotNull();
        assertThatThrownBy(() -> call.params().put("text", "changed")).isInstanceOf(UnsupportedOperationException.class);

        fake.clear();
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void the_library_answers_callback_queries_and_edits_messages() throws Exception {
        Message sent = telegram.execute(SendMessage.builder().chatId(SITI).text("Pilih topik").build());

        Boolean answered = telegram.execute(AnswerCallbackQuery.builder().callbackQueryId("cb-1").text("Siap").build());
        var edited = telegram.execute(EditMessageText.builder()
                .chatId(SITI).messageId(sent.getMessageId()).text("Topik: Modal").build());

        assertThat(answered).isTrue();
        assertThat(edited).isInstanceOfSatisfying(Message.class, message -> {
            assertThat(message.getMessageId()).isEqualTo(sent.getMessageId());
            assertThat(message.getText()).isEqualTo("Topik: Modal");
            assertThat(message.getEditDate()).isNotNull();
        });
        assertThat(fake.calls()).extracting(FakeBotApi.Call::method)
                .containsExactly("sendMessage", "answerCallbackQuery", "editMessageText");
        assertThat(fake.calls("answerCallbackQuery").get(0).params())
                .containsEntry("callback_query_id", "cb-1").containsEntry("text", "Siap");
    }

    @Test
    void set_webhook_round_trips_through_get_webhook_info_and_blocks_get_updates_until_deleted() throws Exception {
        WebhookInfo before = telegram.execute(new GetWebhookInfo());
        assertThat(before.getUrl()).isEmpty();

        Boolean set = telegram.execute(SetWebhook.builder()
                .url("https://klinik.example/telegram/webhook")
                .maxConnections(10)
                .allowedUpdates(List.of("message", "callback_query"))
                .secretToken("s3cret")
                .build());
        WebhookInfo after = telegram.execute(new GetWebhookInfo());

        assertThat(set).isTrue();
        assertThat(after.getUrl()).isEqualTo("https://klinik.example/telegram/webhook");
        assertThat(after.getHasCustomCertificate()).isFalse();
        assertThat(after.getPendingUpdatesCount()).isZero();
        assertThat(after.getMaxConnections()).isEqualTo(10);
        assertThat(after.getAllowedUpdates()).containsExactly("message", "callback_query");
        // The library sends setWebhook as multipart; the fields are still recorded.
        assertThat(fake.calls("setWebhook").get(0).params()).containsEntry("secret_token", "s3cret");

        HttpResponse<String> conflict = post("getUpdates", "{\"timeout\":0}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).path("description").asText()).startsWith("Conflict:");

        assertThat(telegram.execute(new DeleteWebhook())).isTrue();
        assertThat(telegram.execute(new GetWebhookInfo()).getUrl()).isEmpty();
        assertThat(post("getUpdates", "{\"timeout\":0}").statusCode()).isEqualTo(200);
    }

    @Test
    void set_my_commands_are_recorded_and_returned_by_get_my_commands() throws Exception {
        Boolean set = telegram.execute(SetMyCommands.builder()
                .command(new BotCommand("start", "Mulai konsultasi"))
                .command(new BotCommand("bantuan", "Cara memakai bot"))
                .build());

        assertThat(set).isTrue();
        assertThat(telegram.execute(new GetMyCommands())).extracting(BotCommand::getCommand).containsExactly("start", "bantuan");
        assertThat(fake.calls("setMyCommands")).singleElement()
                .satisfies(call -> assertThat(call.params().get("commands")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2));

        assertThat(telegram.execute(new DeleteMyCommands())).isTrue();
        assertThat(telegram.execute(new GetMyCommands())).isEmpty();
    }

    @Test
    void an_injected_429_surfaces_in_the_library_with_its_retry_after_and_then_sending_works_again() throws Exception {
        fake.failNext("sendMessage", SITI, 1, 429, null, 2);

        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(SITI).text("Halo").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(2);
                    assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 2");
                });
        Message retried = telegram.execute(SendMessage.builder().chatId(SITI).text("Halo").build());

        assertThat(retried.getMessageId()).isEqualTo(1);
        assertThat(fake.calls("sendMessage")).extracting(FakeBotApi.Call::status).containsExactly(429, 200);
        assertThat(fake.sentMessages()).hasSize(1);
    }

    @Test
    void a_failure_for_one_chat_leaves_other_chats_alone_and_any_chat_failures_hit_every_chat() throws Exception {
        fake.failNext("sendMessage", SITI, 1, 403, "Forbidden: bot was blocked by the user", null);
        fake.failNext("sendChatAction", ANY_CHAT, 2, 500, null, null);

        Message other = telegram.execute(SendMessage.builder().chatId(2002L).text("Halo").build());
        assertThatThrownBy(() -> telegram.execute(SendMessage.builder().chatId(SITI).text("Halo").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getParameters()).isNull();
                });
        HttpResponse<String> firstAction = post("sendChatAction", "{\"chat_id\":\"1\",\"action\":\"typing\"}");
        HttpResponse<String> secondAction = post("sendChatAction", "{\"chat_id\":\"2\",\"action\":\"typing\"}");
        HttpResponse<String> thirdAction = post("sendChatAction", "{\"chat_id\":\"3\",\"action\":\"typing\"}");

        assertThat(other.getChatId()).isEqualTo(2002L);
        assertThat(firstAction.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(firstAction.body()).path("description").asText()).isEqualTo("Internal Server Error");
        assertThat(secondAction.statusCode()).isEqualTo(500);
        assertThat(thirdAction.statusCode()).isEqualTo(200);
        assertThat(thirdAction.body()).isEqualTo("{\"ok\":true,\"result\":true}");
    }

    @Test
    void the_long_polling_application_receives_a_text_message_and_a_callback_query() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> poller);
        try {
            application.registerBot(TOKEN, fake::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);
            telegram.execute(SendMessage.builder().chatId(SITI).text("Pilih topik").build());

            fake.textMessage(SITI, "halo");
            fake.callbackQuery(SITI, "topic:modal");

            Update text = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            Update callback = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(text).isNotNull();
            assertThat(text.getMessage().getText()).isEqualTo("halo");
            assertThat(text.getMessage().getFrom().getFirstName()).isEqualTo("Siti");
            assertThat(text.getMessage().getChatId()).isEqualTo(SITI);
            assertThat(text.getMessage().getMessageId()).isEqualTo(2);
            assertThat(callback).isNotNull();
            assertThat(callback.getUpdateId()).isGreaterThan(text.getUpdateId());
            assertThat(callback.getCallbackQuery().getData()).isEqualTo("topic:modal");
            assertThat(callback.getCallbackQuery().getFrom().getId()).isEqualTo(SITI);
            Message buttonMessage = (Message) callback.getCallbackQuery().getMessage();
            assertThat(buttonMessage.getMessageId()).isEqualTo(1);
            assertThat(buttonMessage.getText()).isEqualTo("Pilih topik");
            assertThat(buttonMessage.getFrom().getId()).isEqualTo(BOT_ID);

            // The next poll carries the larger offset, which confirms both updates.
            int polls = fake.calls("getUpdates").size();
            fake.awaitCalls("getUpdates", polls + 1, WAIT);
            assertThat(fake.pendingUpdateCount()).isZero();
            assertThat(received).isEmpty();
            assertThat(fake.calls().get(0).method()).isEqualTo("deleteWebhook");
            assertThat(fake.calls("getUpdates").get(0).params()).containsEntry("offset", 1L).containsEntry("timeout", 50L);
        } finally {
            application.close();
            fake.close();
            poller.shutdownNow();
            assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void get_updates_redelivers_until_a_larger_offset_confirms_and_honours_the_limit() throws Exception {
        fake.textMessage(SITI, "satu");
        fake.textMessage(SITI, "dua");
        fake.textMessage(SITI, "tiga");

        assertThat(updateIds(post("getUpdates", "{\"limit\":2}"))).containsExactly(1L, 2L);
        assertThat(updateIds(post("getUpdates", "{\"offset\":1,\"limit\":2}"))).containsExactly(1L, 2L);
        assertThat(updateIds(post("getUpdates", "{\"offset\":3}"))).containsExactly(3L);
        assertThat(fake.pendingUpdateCount()).isEqualTo(1);
        assertThat(updateIds(post("getUpdates", "{\"offset\":3,\"timeout\":0}"))).containsExactly(3L);
        assertThat(updateIds(post("getUpdates", "{\"offset\":4,\"timeout\":0}"))).isEmpty();
        assertThat(fake.pendingUpdateCount()).isZero();
    }

    @Test
    void a_long_poll_waits_at_most_the_cap_and_wakes_up_for_a_new_update() throws Exception {
        try (FakeBotApi quick = FakeBotApi.start(Duration.ofMillis(200))) {
            long started = System.nanoTime();
            HttpResponse<String> empty = post(quick, "getUpdates", "{\"offset\":1,\"timeout\":50}");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(updateIds(empty)).isEmpty();
            assertThat(took).isBetween(Duration.ofMillis(150), Duration.ofSeconds(2));
        }

        try (FakeBotApi patient = FakeBotApi.start(Duration.ofSeconds(30))) {
            CompletableFuture<HttpResponse<String>> poll = postAsync(patient, "getUpdates", "{\"offset\":1,\"timeout\":50}");
            patient.awaitCalls("getUpdates", 1, WAIT);
            long started = System.nanoTime();
            patient.textMessage(SITI, "halo");
            HttpResponse<String> response = poll.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(updateIds(response)).containsExactly(1L);
        }
    }

    @Test
    void close_wakes_a_waiting_long_poll_and_stops_promptly() throws Exception {
        FakeBotApi patient = FakeBotApi.start(Duration.ofSeconds(30));
        CompletableFuture<HttpResponse<String>> poll = postAsync(patient, "getUpdates", "{\"offset\":1,\"timeout\":50}");
        patient.awaitCalls("getUpdates", 1, WAIT);

        long started = System.nanoTime();
        patient.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(poll).succeedsWithin(Duration.ofSeconds(2))
                .satisfies(response -> assertThat(updateIds(response)).isEmpty());
        assertThatThrownBy(() -> post(patient, "getMe", "{}")).isInstanceOf(IOException.class);
    }

    @Test
    void unknown_methods_get_telegrams_404_and_are_recorded() throws Exception {
        HttpResponse<String> response = post("sendDice", "{\"chat_id\":1001}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}"));
        assertThat(fake.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("sendDice");
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.ok()).isFalse();
        });
    }

    @Test
    void form_encoded_and_query_parameters_are_accepted_too() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/sendMessage?parse_mode=HTML"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=1001&text=Halo+%3Cb%3ESiti%3C%2Fb%3E"
                        + "&reply_markup=%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22Ya%22%2C%22callback_data%22%3A%22yes%22%7D%5D%5D%7D"))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> getMe = HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/getme")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = JSON.readTree(response.body()).path("result");
        assertThat(message.path("text").asText()).isEqualTo("Halo <b>Siti</b>");
        assertThat(message.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText()).isEqualTo("yes");
        FakeBotApi.Call call = fake.sentTo(SITI).get(0);
        assertThat(call.params()).containsEntry("parse_mode", "HTML");
        assertThat(call.inlineButtons()).extracting(button -> button.get("text")).containsExactly("Ya");
        assertThat(getMe.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(getMe.body()).path("result").path("username").asText()).isEqualTo(FakeBotApi.BOT_USERNAME);
        assertThat(fake.calls()).extracting(FakeBotApi.Call::method).containsExactly("sendMessage", "getMe");
    }

    @Test
    void every_update_helper_builds_json_the_library_deserializes() throws Exception {
        telegram.execute(SendMessage.builder().chatId(SITI).text("Pilih topik").build());
        List<String> queued = new ArrayList<>(List.of(
                fake.textMessage(SITI, "halo"),
                fake.callbackQuery(SITI, "topic:modal"),
                fake.sticker(SITI),
                fake.voice(SITI),
                fake.photo(SITI),
                fake.location(SITI),
                fake.editedText(SITI, "halo lagi"),
                fake.groupText(-4001L, SITI, "halo grup"),
                fake.blockedByUser(SITI)));
        List<Update> updates = new ArrayList<>();
        for (String json : queued) {
            updates.add(JSON.readValue(json, Update.class));
        }

        assertThat(updates).extracting(Update::getUpdateId).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(updates.get(0).getMessage().getText()).isEqualTo("halo");
        assertThat(updates.get(0).getMessage().getChat().isUserChat()).isTrue();
        assertThat(updates.get(0).getMessage().getFrom().getId()).isEqualTo(SITI);
        assertThat(updates.get(1).getCallbackQuery().getData()).isEqualTo("topic:modal");
        assertThat(updates.get(1).getCallbackQuery().getMessage().getMessageId()).isEqualTo(1);
        assertThat(updates.get(2).getMessage().getSticker().getFileId()).isNotBlank();
        assertThat(updates.get(3).getMessage().getVoice().getDuration()).isPositive();
        assertThat(updates.get(4).getMessage().getPhoto()).hasSize(3);
        assertThat(updates.get(5).getMessage().getLocation().getLatitude()).isNegative();
        assertThat(updates.get(6).getEditedMessage().getText()).isEqualTo("halo lagi");
        assertThat(updates.get(6).getEditedMessage().getEditDate()).isNotNull();
        assertThat(updates.get(7).getMessage().getChat().isGroupChat()).isTrue();
        assertThat(updates.get(7).getMessage().getChatId()).isEqualTo(-4001L);
        assertThat(updates.get(7).getMessage().getFrom().getId()).isEqualTo(SITI);
        assertThat(updates.get(8).getMyChatMember().getNewChatMember()).isInstanceOf(ChatMemberBanned.class);
        assertThat(updates.get(8).getMyChatMember().getNewChatMember().getStatus()).isEqualTo("kicked");
        assertThat(updates.get(8).getMyChatMember().getChat().getId()).isEqualTo(SITI);
        assertThat(fake.pendingUpdateCount()).isEqualTo(9);

        // Explicit ids: built without queuing, then queued as they are; automatic ids continue above them.
        String explicit = fake.updates().textMessage(42, SITI, "id sendiri");
        assertThat(fake.pendingUpdateCount()).isEqualTo(9);
        assertThat(JSON.readTree(fake.enqueueUpdate(explicit)).path("update_id").asLong()).isEqualTo(42);
        assertThat(JSON.readTree(fake.sticker(SITI)).path("update_id").asLong()).isEqualTo(43);
        assertThat(JSON.readTree(fake.enqueueUpdate("{\"message\":{\"message_id\":99,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"}}}"))
                .path("update_id").asLong()).isEqualTo(44);
    }

    @Test
    void concurrent_sends_get_unique_increasing_message_ids_per_chat() throws Exception {
        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(telegram.executeAsync(SendMessage.builder().chatId(i % 2 == 0 ? SITI : 2002L).text("pesan " + i).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertThat(sends.stream().map(CompletableFuture::join).filter(m -> m.getChatId() == SITI).map(Message::getMessageId))
                .containsExactlyInAnyOrderElementsOf(range(1, 20));
        assertThat(fake.awaitSentTo(2002L, 20, WAIT)).extracting(call -> call.chatId()).containsOnly(2002L);
        assertThat(fake.calls()).extracting(FakeBotApi.Call::at).isSorted();
    }

    @Test
    void await_calls_fails_with_a_helpful_message_on_timeout() throws Exception {
        telegram.execute(SendMessage.builder().chatId(SITI).text("satu").build());

        assertThatThrownBy(() -> fake.awaitCalls("sendMessage", 2, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected at least 2 'sendMessage' call(s) within PT0.1S but got 1")
                .hasMessageContaining("sendMessage[200 chat=1001 text=\"satu\"]");
        assertThat(fake.awaitCalls("sendMessage", 1, Duration.ofMillis(100))).hasSize(1);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    private static List<Long> updateIds(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("ok").asBoolean()).as(response.body()).isTrue();
            List<Long> ids = new ArrayList<>();
            body.path("result").forEach(update -> ids.add(update.path("update_id").asLong()));
            return ids;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> post(String method, String json) throws IOException, InterruptedException {
        return post(fake, method, json);
    }

    private static HttpResponse<String> post(FakeBotApi api, String method, String json) throws IOException, InterruptedException {
        return HTTP.send(request(api, method, json), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(FakeBotApi api, String method, String json) {
        return HTTP.sendAsync(request(api, method, json), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(FakeBotApi api, String method, String json) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN + "/" + method))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
