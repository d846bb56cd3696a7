package id.klinikumkm.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.ConversationEngine;
import id.klinikumkm.bot.storage.Database;
import id.klinikumkm.bot.storage.JdbiConversationStore;
import id.klinikumkm.bot.web.ChatPage;
import id.klinikumkm.bot.web.HealthController;
import id.klinikumkm.bot.web.HttpServer;
import id.klinikumkm.bot.web.WebChatController;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with plain constructors, starts them, and stops them in reverse. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final HttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Application(Database database, HttpServer http) {
        this.database = database;
        this.http = http;
    }

    /** Builds and starts the service; on failure, whatever was started is stopped again. */
    public static Application start(AppConfig config) {
        String version = BuildInfo.version();
        LOG.info("Klinik UMKM Bot {} starting", version);
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        Database database = Database.open(config.db());
        try {
            var engine = new ConversationEngine(new JdbiConversationStore(database.jdbi(), json), BotTexts.load());
            var http = new HttpServer(config.http(), json, List.of(
                    new HealthController(database::isReachable, version),
                    new ChatPage(),
                    new WebChatController(engine, json, config.chat().maxTextChars())));
            http.start();
            LOG.info("Telegram channel: {}", config.telegram().effectiveMode());
            return new Application(database, http);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
        http.stop();
        database.close();
        LOG.info("Stopped");
    }
}
