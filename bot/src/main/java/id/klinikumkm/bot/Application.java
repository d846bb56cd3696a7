package id.klinikumkm.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.klinikumkm.bot.accounts.AccountDao;
import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.admin.AdminPages;
import id.klinikumkm.bot.cases.AttachmentSource;
import id.klinikumkm.bot.cases.CaseDao;
import id.klinikumkm.bot.cases.CaseStatusReport;
import id.klinikumkm.bot.cases.CaseWork;
import id.klinikumkm.bot.cases.Cases;
import id.klinikumkm.bot.cases.ConsultantDesk;
import id.klinikumkm.bot.cases.DeskDao;
import id.klinikumkm.bot.cases.RatingFlow;
import id.klinikumkm.bot.cases.RelayFlow;
import id.klinikumkm.bot.cases.UnclaimedWatch;
import id.klinikumkm.bot.cases.WorkspaceDao;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.conversation.EngineBuilder;
import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqAnswers;
import id.klinikumkm.bot.faq.FaqCatalog;
import id.klinikumkm.bot.faq.FaqDao;
import id.klinikumkm.bot.faq.FaqRepository;
import id.klinikumkm.bot.faq.FaqPreview;
import id.klinikumkm.bot.faq.PermitHelperFlow;
import id.klinikumkm.bot.metrics.Metrics;
import id.klinikumkm.bot.inbox.UnansweredInbox;
import id.klinikumkm.bot.intake.IntakeFlow;
import id.klinikumkm.bot.inbox.UnansweredInboxDao;
import id.klinikumkm.bot.nlu.ModelWatcher;
import id.klinikumkm.bot.nlu.NluModelsDao;
import id.klinikumkm.bot.nlu.ReloadableClassifier;
import id.klinikumkm.bot.nlu.Retrainer;
import id.klinikumkm.bot.nlu.TrainingExamples;
import id.klinikumkm.bot.nlu.TrainingExamplesDao;
import id.klinikumkm.bot.privacy.PersonalDataRequests;
import id.klinikumkm.bot.privacy.RetentionJob;
import id.klinikumkm.bot.reports.Reports;
import id.klinikumkm.bot.reports.ReportsDao;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.storage.JdbiConversationStore;
import id.klinikumkm.bot.storage.OutboxDao;
import id.klinikumkm.bot.storage.PersonalData;
import id.klinikumkm.bot.storage.ProcessedUpdateDao;
import id.klinikumkm.bot.storage.UpdateRecords;
import id.klinikumkm.bot.storage.SettingsDao;
import id.klinikumkm.bot.telegram.TelegramChannel;
import id.klinikumkm.bot.web.ChatPage;
import id.klinikumkm.bot.web.PrivacyPage;
import id.klinikumkm.bot.http.HealthController;
import id.klinikumkm.bot.http.HttpServer;
import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.web.WebChatController;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with plain constructors, starts them, and stops them in reverse. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final HttpServer http;
    private final Optional<TelegramChannel> telegram;
    private final Metrics metrics;
    private final List<AutoCloseable> background;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application(Database database, HttpServer http, Optional<TelegramChannel> telegram, Metrics metrics,
                        List<AutoCloseable> background) {
        this.database = database;
        this.http = http;
        this.telegram = telegram;
        this.metrics = metrics;
        this.background = background;
    }

    /** Builds and starts the service; on failure, whatever was started is stopped again. */
    public static Application start(AppConfig config) {
        String version = BuildInfo.version();
        LOG.info("Klinik UMKM Bot {} starting", version);
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        // Before the database: the model may need a few seconds of training, and failing here leaves nothing open.
        ReloadableClassifier nlu = ReloadableClassifier.fromFiles(config.nlu());
        Database database = Database.open(config.db());
        Metrics metrics = new Metrics(version, database::isReachable);
        List<AutoCloseable> background = new ArrayList<>();
        try {
            var texts = BotTexts.load();
            var learning = learning(config.nlu(), database, nlu, background);
            var builder = ConversationEngine.builder(new JdbiConversationStore(database.jdbi(), json), texts)
                    .classifier(metrics.counting(nlu));
            FaqCatalog catalog = faq(config.faq(), database, json, metrics, texts, nlu, builder);
            var desk = new ConsultantDesk(database.jdbi().onDemand(DeskDao.class), config.cases().consultantsChat());
            intake(config, json, builder, desk);
            var engine = builder.build();
            OutboxDao outbox = database.outboxJdbi().onDemand(OutboxDao.class);
            metrics.cachedGauge("klinik.outbox.pending", "messages waiting to be sent to Telegram (counted at most every 5 seconds)",
                    outbox::pendingCount, Duration.ofSeconds(5));
            var telegram = TelegramChannel.create(config.telegram(), engine, texts, outbox,
                    database.intakeJdbi().onDemand(ProcessedUpdateDao.class), new UpdateRecords(database.intakeJdbi()),
                    database.jdbi().onDemand(SettingsDao.class),
                    metrics.registry());
            List<Routes> routes = new ArrayList<>(List.of(
                    new HealthController(database::isReachable, version),
                    metrics,
                    new ChatPage(),
                    new PrivacyPage(config.retention().closedCaseDays()),
                    new WebChatController(engine, json, config.chat())));
            CaseDao caseDao = database.jdbi().onDemand(CaseDao.class);
            var firstReply = Metrics.latency(metrics.registry(), "klinik.cases.first.reply",
                    "from a case being opened to its consultant's first reply", Duration.ofMinutes(15), Duration.ofHours(1),
                    Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(3));
            metrics.cachedGauges("klinik.cases", "cases by status (counted at most every 5 seconds)", "status", Cases.STATUSES,
                    caseDao::countByStatus, Duration.ofSeconds(5));
            var work = new CaseWork(engine, caseDao, database.jdbi().onDemand(WorkspaceDao.class), desk::announce, firstReply::record);
            desk.bind(engine, work);
            background.add(new UnclaimedWatch(desk, config.cases().unclaimedMinutes(), config.cases().unclaimedCheckSeconds()));
            AttachmentSource files = telegram.map(TelegramChannel::files).orElse(AttachmentSource.NONE);
            var personalData = privacy(config.retention(), database, json, background);
            routes.addAll(admin(config, database, json, nlu, texts, catalog, learning, work, desk, files, personalData));
            telegram.ifPresent(channel -> routes.addAll(channel.routes()));
            var http = new HttpServer(config.http(), json, routes);
            http.start();
            telegram.ifPresent(TelegramChannel::start);
            return new Application(database, http, telegram, metrics, background);
        } catch (RuntimeException e) {
            closeAll(background);
            metrics.close();
            database.close();
            throw e;
        }
    }

    /** What admins teach the bot: their examples, the guarded retraining, and the watcher that serves new models. */
    private record Learning(TrainingExamples examples, Retrainer retrainer) {}

    private static Learning learning(AppConfig.Nlu config, Database database, ReloadableClassifier nlu, List<AutoCloseable> background) {
        NluModelsDao models = database.jdbi().onDemand(NluModelsDao.class);
        var watcher = ModelWatcher.create(config, nlu, models);
        background.add(watcher);
        watcher.start();
        var examples = new TrainingExamples(database.jdbi().onDemand(TrainingExamplesDao.class));
        var retrainer = Retrainer.create(config, nlu, examples, models);
        background.add(retrainer);
        return new Learning(examples, retrainer);
    }

    /** The FAQ feature: seed, cache, answers, the permit helper, and the main menu's topic buttons. */
    private static FaqCatalog faq(AppConfig.Faq config, Database database, ObjectMapper json, Metrics metrics, BotTexts texts,
                                  ReloadableClassifier nlu, EngineBuilder engine) {
        var repository = new FaqRepository(database.jdbi().onDemand(FaqDao.class), json);
        repository.applySeed(config.seedDir());
        var catalog = new FaqCatalog(repository, Duration.ofSeconds(config.cacheSeconds()));
        catalog.checkAgainst(nlu.serving().service().model().keys().stream().filter(Intents::isTopic).toList());
        var answers = new FaqAnswers(catalog, repository, metrics.registry(), Map.of(PermitHelperFlow.ENTRY, PermitHelperFlow.ID));
        var permits = new PermitHelperFlow(catalog, answers);
        engine.topics(answers, List.of(
                        new Button(texts.get("button.legal"), FaqAnswers.topicPayload("legal")),
                        new Button(texts.get("button.packaging"), FaqAnswers.topicPayload("packaging")),
                        new Button(texts.get("button.halal"), FaqAnswers.topicPayload("halal")),
                        new Button(texts.get("button.other"), FaqAnswers.topicPayload("other"))))
                .buttons(answers)
                .flow(permits)
                .buttons(permits);
        return catalog;
    }

    /** Consultations: the intake form that opens a case, and /status. */
    private static void intake(AppConfig config, ObjectMapper json, EngineBuilder engine, ConsultantDesk desk) {
        var clinic = config.clinic();
        var cases = new Cases(clinic.hours().zone(), desk);
        var intake = new IntakeFlow(cases, json, clinic.hours(), clinic.privacyUrl(config.http().port()));
        var relay = new RelayFlow();
        var rating = new RatingFlow();
        engine.handoff(intake).buttons(intake).status(new CaseStatusReport(cases, clinic.hours().zone()))
                .flow(relay).buttons(relay).flow(rating).buttons(rating)
                .buttons(desk).command(ConsultantDesk.COMMAND, desk);
    }

    /** Personal data: the retention job (when a period is configured) and admins' export and erasure on request. */
    private static PersonalDataRequests privacy(AppConfig.Retention config, Database database, ObjectMapper json,
                                                List<AutoCloseable> background) {
        var data = new PersonalData(database.jdbi());
        if (config.enabled()) {
            background.add(new RetentionJob(data, config.closedCaseDays(), Clock.systemUTC()).start(config.checkMinutes()));
        } else {
            LOG.info("Retention is off (retention.closed.case.days=0): closed cases keep their personal data until erased");
        }
        return new PersonalDataRequests(data, json);
    }

    /** Staff accounts (the first admin on first start) and the staff pages. */
    private static List<Routes> admin(AppConfig config, Database database, ObjectMapper json, ReloadableClassifier nlu,
                                      BotTexts texts, FaqCatalog catalog, Learning learning, CaseWork work,
                                      ConsultantDesk desk, AttachmentSource files, PersonalDataRequests personalData) {
        var accounts = new Accounts(database.jdbi().onDemand(AccountDao.class), json);
        accounts.ensureFirstAdmin(config.admin().firstAdminPassword().value());
        var faq = new FaqAdmin(database.jdbi().onDemand(FaqDao.class), json, catalog);
        var inbox = new UnansweredInbox(database.jdbi().onDemand(UnansweredInboxDao.class), json);
        var reports = new Reports(database.jdbi().onDemand(ReportsDao.class), config.clinic().hours().zone(), Clock.systemUTC());
        return AdminPages.routes(new AdminPages.Features(accounts, nlu, faq, new FaqPreview(texts, catalog), inbox,
                learning.examples(), learning.retrainer(), work, database.jdbi().onDemand(WorkspaceDao.class), desk, files,
                Duration.ofMinutes(config.cases().unclaimedMinutes()), reports, personalData), json,
                config.chat().maxTextChars(), config.chat().trustForwardedFor());
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", parts.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Every HTTP route the service registered. */
    public List<HttpServer.Endpoint> endpoints() {
        return http.endpoints();
    }

    public int httpPort() {
        return http.port();
    }

    /** Stops taking requests, lets in-flight ones finish, then closes the database (and the embedded server). */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        LOG.info("Shutting down");
        telegram.ifPresent(TelegramChannel::close);
        http.stop();
        closeAll(background);
        metrics.close();
        database.close();
        LOG.info("Stopped");
    }
}
