package id.klinikumkm.bot.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads the defaults shipped in the jar, then {@code config/application.properties} (or the file named by
 * {@code KLINIK_CONFIG_FILE}), then environment variables, and validates every value.
 */
public final class ConfigLoader {
    public static final String CONFIG_FILE_VARIABLE = "KLINIK_CONFIG_FILE";
    private static final String DEFAULTS_RESOURCE = "/defaults/application.properties";
    private static final Path DEFAULT_FILE = Path.of("config", "application.properties");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final Properties values;
    private final Map<String, String> env;

    private ConfigLoader(Properties values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    /** Loads the configuration the service runs with. */
    public static AppConfig load(Map<String, String> env) {
        Properties values = readDefaults();
        Path file = Optional.ofNullable(env.get(CONFIG_FILE_VARIABLE)).map(Path::of).orElse(DEFAULT_FILE);
        if (env.containsKey(CONFIG_FILE_VARIABLE) && !Files.isRegularFile(file)) {
            throw new ConfigException(CONFIG_FILE_VARIABLE + "='" + file + "': no such file");
        }
        if (Files.isRegularFile(file)) {
            values.putAll(readFile(file));
        }
        return new ConfigLoader(values, env).build();
    }

    /** Loads from the given key values (over the shipped defaults) and environment; for tests. */
    public static AppConfig load(Map<String, String> overrides, Map<String, String> env) {
        Properties values = readDefaults();
        values.putAll(overrides);
        return new ConfigLoader(values, env).build();
    }

    /** The environment variable that overrides a key. */
    public static String environmentName(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('.', '_');
        return key.startsWith("telegram.") ? name : "KLINIK_" + name;
    }

    private AppConfig build() {
        var http = new AppConfig.Http(
                text("http.host"),
                integer("http.port", 0, 65535),
                integer("http.max.request.bytes", 1024, 10 * 1024 * 1024),
                integer("http.shutdown.grace.seconds", 0, 300));
        var db = new AppConfig.Db(
                jdbcUrl("db.url"),
                text("db.user"),
                new AppConfig.Secret(text("db.password")),
                integer("db.pool.size", 1, 200),
                integer("db.pool.intake.size", 1, 50),
                integer("db.pool.outbox.size", 1, 20),
                Path.of(required("db.embedded.dir")),
                integer("db.embedded.port", 0, 65535));
        var telegram = new AppConfig.Telegram(
                new AppConfig.Secret(text("telegram.bot.token")),
                telegramMode("telegram.mode"),
                httpUrl("telegram.api.url").orElseThrow(() -> invalid("telegram.api.url", "", "must not be empty")),
                httpUrl("telegram.webhook.url"),
                webhookSecret("telegram.webhook.secret"),
                integer("telegram.webhook.max.connections", 1, 100),
                integer("telegram.polling.timeout.seconds", 0, 100),
                integer("telegram.handler.threads", 1, 64),
                integer("telegram.queue.capacity", 1, 100_000),
                integer("telegram.outbox.lease.seconds", 5, 3600),
                integer("telegram.resume.after.seconds", 1, 3600),
                integer("telegram.resume.every.seconds", 1, 3600));
        if (telegram.effectiveMode() == AppConfig.TelegramMode.WEBHOOK) {
            if (telegram.webhookUrl().isEmpty()) {
                throw invalid("telegram.webhook.url", "", "must be set in webhook mode");
            }
            if (telegram.webhookSecret().isEmpty()) {
                throw invalid("telegram.webhook.secret", "", "must be set in webhook mode, so forged webhook calls are refused");
            }
        }
        var chat = new AppConfig.Chat(
                integer("chat.max.text.chars", 1, 100_000),
                integer("chat.rate.per.session.per.minute", 3, 10_000),
                integer("chat.rate.per.address.per.minute", 3, 10_000_000),
                bool("http.trust.forwarded.for"));
        double threshold = probability("nlu.threshold");
        var nlu = new AppConfig.Nlu(
                Path.of(required("nlu.models.dir")),
                threshold,
                probability("nlu.margin"),
                probability("nlu.clarify.threshold"),
                integer("nlu.retrain.folds", 2, 10),
                probability("nlu.retrain.max.accuracy.drop"),
                integer("nlu.model.poll.seconds", 1, 3600));
        if (nlu.clarifyThreshold() > threshold) {
            throw invalid("nlu.clarify.threshold", text("nlu.clarify.threshold"), "must not be above nlu.threshold (" + threshold + ")");
        }
        var faq = new AppConfig.Faq(Path.of(required("faq.seed.dir")), integer("faq.cache.seconds", 1, 3600));
        var admin = new AppConfig.Admin(adminPassword("admin.password"));
        var clinic = new AppConfig.Clinic(httpUrl("clinic.public.url"), officeHours("clinic.hours", zone("clinic.timezone")));
        String group = text("cases.consultants.telegram.chat");
        if (!group.isEmpty() && !group.matches("-[0-9]{1,20}")) {
            throw invalid("cases.consultants.telegram.chat", group, "must be a Telegram group chat id, a negative number such as -1001234567890");
        }
        var cases = new AppConfig.Cases(integer("cases.unclaimed.minutes", 1, 10_080),
                group.isEmpty() ? Optional.empty() : Optional.of(group), integer("cases.unclaimed.check.seconds", 1, 3600));
        var retention = new AppConfig.Retention(integer("retention.closed.case.days", 0, 36_500),
                integer("retention.check.minutes", 1, 10_080));
        return new AppConfig(http, db, telegram, chat, nlu, faq, admin, clinic, cases, retention);
    }

    private java.time.ZoneId zone(String key) {
        String value = required(key);
        try {
            return java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw invalid(key, value, "must be a time zone such as Asia/Jakarta");
        }
    }

    private OfficeHours officeHours(String key, java.time.ZoneId zone) {
        String value = text(key);
        try {
            return OfficeHours.parse(value, zone);
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, e.getMessage() + "; write days and hours like 'mon-thu 08:00-15:30; fri 08:00-14:00'");
        }
    }

    private String text(String key) {
        String fromEnv = env.get(environmentName(key));
        String value = fromEnv != null ? fromEnv : values.getProperty(key, "");
        return value.strip();
    }

    private String required(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            throw invalid(key, value, "must not be empty");
        }
        return value;
    }

    private int integer(String key, int min, int max) {
        String value = required(key);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw invalid(key, value, "must be a whole number from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be a whole number from " + min + " to " + max);
        }
    }

    private double probability(String key) {
        String value = required(key);
        try {
            double number = Double.parseDouble(value);
            if (!(number >= 0 && number <= 1)) {
                throw invalid(key, value, "must be a number from 0 to 1, such as 0.5");
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be a number from 0 to 1, such as 0.5");
        }
    }

    private boolean bool(String key) {
        String value = required(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private Optional<String> jdbcUrl(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.startsWith("jdbc:postgresql://") || value.length() <= "jdbc:postgresql://".length()) {
            throw invalid(key, mask(value), "must look like jdbc:postgresql://host:5432/database");
        }
        try {
            URI uri = new URI(value.substring("jdbc:".length()));
            if (uri.getHost() == null && !value.startsWith("jdbc:postgresql:///")) {
                throw invalid(key, mask(value), "has no host; it must look like jdbc:postgresql://host:5432/database");
            }
        } catch (URISyntaxException e) {
            throw invalid(key, mask(value), "is not a valid URL: " + e.getReason());
        }
        return Optional.of(value);
    }

    private Optional<URI> httpUrl(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(key, value, "must be an http:// or https:// address");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw invalid(key, value, "is not a valid address: " + e.getReason());
        }
    }

    private AppConfig.TelegramMode telegramMode(String key) {
        String value = required(key);
        try {
            return AppConfig.TelegramMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, "must be one of off, polling, webhook, auto");
        }
    }

    private AppConfig.Secret webhookSecret(String key) {
        String value = text(key);
        if (!value.isEmpty() && !WEBHOOK_SECRET.matcher(value).matches()) {
            throw invalid(key, "****", "must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        return new AppConfig.Secret(value);
    }

    private AppConfig.Secret adminPassword(String key) {
        String value = text(key);
        if (!value.isEmpty() && value.length() < 10) {
            throw invalid(key, "****", "must be at least 10 characters");
        }
        return new AppConfig.Secret(value);
    }

    private ConfigException invalid(String key, String shownValue, String rule) {
        String variable = environmentName(key);
        String source = env.containsKey(variable) ? variable : key;
        return new ConfigException("Invalid configuration: " + source + "='" + shownValue + "' " + rule);
    }

    /** Hides a password that may be embedded in a JDBC URL. */
    private static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****").replaceAll("//[^/@]*:[^/@]*@", "//****@");
    }

    private static Properties readDefaults() {
        Properties properties = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULTS_RESOURCE + " in the jar");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
        return properties;
    }

    private static Properties readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Invalid configuration: cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
