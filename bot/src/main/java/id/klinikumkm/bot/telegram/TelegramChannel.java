package id.klinikumkm.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.cases.AttachmentSource;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.logging.Failures;
import id.klinikumkm.bot.metrics.Metrics;
import id.klinikumkm.bot.storage.OutboxDao;
import id.klinikumkm.bot.storage.ProcessedUpdateDao;
import id.klinikumkm.bot.storage.UpdateRecords;
import id.klinikumkm.bot.storage.SettingsDao;
import id.klinikumkm.bot.http.Routes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram adapter: receives updates (long polling or webhook), hands them to the conversation engine,
 * and sends the answers from the outbox. Off when no bot token is configured.
 */
public final class TelegramChannel implements AutoCloseable {
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");
    static final List<String> COMMANDS = List.of("start", "menu", "help", "konsultasi", "status", "batal", "privasi", "hapus");
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

    private final AppConfig.Telegram config;
    private final OkHttpTelegramClient client;
    private final TelegramFiles files;
    private final BotTexts texts;
    private final OutboxSender sender;
    private final UpdateProcessor processor;
    private final UpdateRecorder recorder;
    private final UpdateIntake intake;
    private final Optional<WebhookRoute> webhook;
    private final Optional<PollingReceiver> polling;
    private final WebhookRegistrar registrar;
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "telegram-sweeper"));

    private TelegramChannel(AppConfig.Telegram config, ConversationEngine engine, BotTexts texts, OutboxDao outbox,
                            ProcessedUpdateDao updates, UpdateRecords records, SettingsDao settings,
                            MeterRegistry meters) {
        this.config = config;
        this.texts = texts;
        TelegramUrl url = telegramUrl(config.apiUrl());
        // OkHttp allows 5 requests per host by default, and every Bot API call goes to one host: replies would
        // queue behind indicators and callback answers. Sized for the outbox's pace plus the handler threads.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        ObjectMapper json = TelegramJson.create();
        String token = config.botToken().value();
        this.client = new OkHttpTelegramClient(json, http, token, url);
        this.files = new TelegramFiles(client, http, config.apiUrl(), token);
        this.sender = new OutboxSender(outbox, client, json, meters, config.outboxLeaseSeconds());
        Timer handling = Metrics.latency(meters, "klinik.telegram.update.handling",
                "from an update's receipt by this instance to its turn committed (answer queued)",
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        this.processor = new UpdateProcessor(config.handlerThreads(), config.queueCapacity(), engine, updates,
                records::earlierUnhandled, outbox, client, sender::nudge, handling::record, json);
        meters.gauge("klinik.telegram.updates.waiting", processor, UpdateProcessor::waiting);
        this.recorder = new UpdateRecorder(records);
        this.intake = new UpdateIntake(updates, recorder, processor, json);
        this.registrar = new WebhookRegistrar(client, settings);
        boolean webhookMode = config.effectiveMode() == AppConfig.TelegramMode.WEBHOOK;
        this.webhook = webhookMode
                ? Optional.of(new WebhookRoute(webhookPath(config.webhookUrl().orElseThrow()),
                        config.webhookSecret().value(), json, intake))
                : Optional.empty();
        this.polling = webhookMode
                ? Optional.empty()
                : Optional.of(new PollingReceiver(token, url, config.pollingTimeoutSeconds(), intake));
    }

    /** The photos and documents users sent, for consultants. */
    public AttachmentSource files() {
        return files;
    }

    /** The channel, or empty when the configuration turns Telegram off. */
    public static Optional<TelegramChannel> create(AppConfig.Telegram config, ConversationEngine engine, BotTexts texts,
                                                   OutboxDao outbox, ProcessedUpdateDao updates, UpdateRecords records,
                                                   SettingsDao settings, MeterRegistry meters) {
        if (config.effectiveMode() == AppConfig.TelegramMode.OFF) {
            LOG.info("Telegram channel is off (no bot token configured)");
            return Optional.empty();
        }
        return Optional.of(new TelegramChannel(config, engine, texts, outbox, updates, records, settings, meters));
    }

    /** The webhook route, in webhook mode; registered on the HTTP server before it starts. */
    public List<Routes> routes() {
        return webhook.<List<Routes>>map(List::of).orElse(List.of());
    }

    /** Starts sending, resumes what a crash left, and starts receiving. Call after the HTTP server is up. */
    public void start() {
        sender.start();
        sweeper.execute(() -> resume(0));
        sweeper.scheduleWithFixedDelay(this::sweep, config.resumeEverySeconds(), config.resumeEverySeconds(),
                TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(this::retryFailed, 1, 1, TimeUnit.SECONDS);
        registerCommands();
        if (webhook.isPresent()) {
            registerWebhook();
        }
        polling.ifPresent(PollingReceiver::start);
        LOG.info("Telegram channel started in {} mode", config.effectiveMode().name().toLowerCase(java.util.Locale.ROOT));
    }

    private void sweep() {
        resume(config.resumeAfterSeconds());
    }

    /** Queues again, without waiting for the sweep, what failed because the database was away. */
    private void retryFailed() {
        try {
            int queued = processor.retryFailed(Duration.ofMillis(100));
            if (queued > 0) {
                LOG.info("Queued again {} updates that failed while the database was away", queued);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Queueing failed updates again failed: {}", Failures.describe(e));
        }
    }

    /** Queues what a crash or an outage left unhandled, a batch at a time while full batches come back. */
    private void resume(double olderThanSeconds) {
        try {
            while (intake.resumeUnhandled(olderThanSeconds) == UpdateIntake.RESUME_BATCH) {
                LOG.debug("More unhandled updates to resume");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Sweep for unhandled updates failed: {}", Failures.describe(e));
        }
    }

    private void registerCommands() {
        List<BotCommand> commands = COMMANDS.stream()
                .map(name -> new BotCommand(name, texts.get("commands." + name)))
                .toList();
        try {
            client.execute(SetMyCommands.builder().commands(commands).build());
        } catch (TelegramApiException e) {
            LOG.warn("setMyCommands failed ({}); the menu of commands may be outdated", Failures.describe(e));
        }
    }

    private void registerWebhook() {
        try {
            registrar.ensure(config.webhookUrl().orElseThrow().toString(), config.webhookSecret().value(),
                    config.webhookMaxConnections(), ALLOWED_UPDATES);
        } catch (TelegramApiException e) {
            LOG.error("Webhook registration failed ({}); retrying in 30 s", Failures.describe(e));
            sweeper.schedule(this::registerWebhook, 30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        polling.ifPresent(PollingReceiver::stop);
        sweeper.shutdownNow();
        recorder.close();
        processor.close();
        sender.close();
    }

    static TelegramUrl telegramUrl(URI api) {
        int port = api.getPort() > 0 ? api.getPort() : ("https".equals(api.getScheme()) ? 443 : 80);
        return TelegramUrl.builder().schema(api.getScheme()).host(api.getHost()).port(port).testServer(false).build();
    }

    private static String webhookPath(URI webhookUrl) {
        String path = webhookUrl.getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
