package id.klinikumkm.bot.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The whole validated configuration; built only by {@link ConfigLoader}. */
public record AppConfig(Http http, Db db, Telegram telegram, Chat chat, Nlu nlu, Faq faq, Admin admin, Clinic clinic, Cases cases,
                        Retention retention) {

    public record Http(String host, int port, int maxRequestBytes, int shutdownGraceSeconds) {}

    /**
     * @param url empty for the embedded PostgreSQL
     * @param poolSize connections for conversation turns and pages
     * @param intakePoolSize connections for recording incoming updates and the readiness check, so a backlog of
     *                       turns never stops the service from taking in updates or answering /ready
     * @param outboxPoolSize connections for sending, so replies keep leaving under load
     */
    public record Db(Optional<String> url, String user, Secret password, int poolSize, int intakePoolSize,
                     int outboxPoolSize, Path embeddedDir, int embeddedPort) {
        /** A configuration with the default intake and outbox pools (tools and benchmarks). */
        public Db(Optional<String> url, String user, Secret password, int poolSize, Path embeddedDir, int embeddedPort) {
            this(url, user, password, poolSize, 4, 2, embeddedDir, embeddedPort);
        }

        public boolean embedded() {
            return url.isEmpty();
        }
    }

    public enum TelegramMode { OFF, POLLING, WEBHOOK, AUTO }

    /**
     * @param queueCapacity updates waiting to be handled at most; beyond it the webhook asks Telegram to retry
     *                      later and polling waits
     * @param outboxLeaseSeconds how long a claimed reply is reserved for the instance that claimed it; a reply whose
     *                           instance died is sent by another (or the restarted one) after this
     * @param resumeAfterSeconds an update recorded this long ago and still unhandled is taken up by the sweep (an
     *                           instance died, or its handling failed)
     * @param resumeEverySeconds how often the sweep looks for such updates
     */
    public record Telegram(Secret botToken, TelegramMode mode, URI apiUrl, Optional<URI> webhookUrl, Secret webhookSecret,
                           int webhookMaxConnections, int pollingTimeoutSeconds, int handlerThreads, int queueCapacity,
                           int outboxLeaseSeconds, int resumeAfterSeconds, int resumeEverySeconds) {
        /** The mode after AUTO is resolved from what is configured. */
        public TelegramMode effectiveMode() {
            if (mode != TelegramMode.AUTO) {
                return botToken.isEmpty() ? TelegramMode.OFF : mode;
            }
            if (botToken.isEmpty()) {
                return TelegramMode.OFF;
            }
            return webhookUrl.isPresent() ? TelegramMode.WEBHOOK : TelegramMode.POLLING;
        }
    }

    /**
     * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a reverse proxy that sets it)
     */
    public record Chat(int maxTextChars, int messagesPerMinutePerSession, int messagesPerMinutePerAddress,
                       boolean trustForwardedFor) {}

    /**
     * Understanding free text (see nlp-models/README.md).
     *
     * @param modelsDir the training data, lexicon and trained model
     * @param threshold least probability of the top intent for a direct answer
     * @param margin least lead of the top intent over the second for a direct answer
     * @param clarifyThreshold least probability of the top intent for a "Maksud Bapak/Ibu ...?" question; below it, fall back
     * @param retrainFolds folds of the cross-validation that guards retraining
     * @param maxAccuracyDrop how much lower a retrained model's cross-validated accuracy may be than the serving one's
     * @param modelPollSeconds how often each instance looks for a newer model retrained by another instance
     */
    public record Nlu(Path modelsDir, double threshold, double margin, double clarifyThreshold,
                      int retrainFolds, double maxAccuracyDrop, int modelPollSeconds) {
        public static final int DEFAULT_RETRAIN_FOLDS = 3;
        public static final double DEFAULT_MAX_ACCURACY_DROP = 0.01;
        public static final int DEFAULT_MODEL_POLL_SECONDS = 3;

        /** With the shipped retraining defaults (kept so callers that only decide, not retrain, stay short). */
        public Nlu(Path modelsDir, double threshold, double margin, double clarifyThreshold) {
            this(modelsDir, threshold, margin, clarifyThreshold,
                    DEFAULT_RETRAIN_FOLDS, DEFAULT_MAX_ACCURACY_DROP, DEFAULT_MODEL_POLL_SECONDS);
        }
    }

    /**
     * The FAQ answers.
     *
     * @param seedDir the seed entries ({@code KEY.md} files)
     * @param cacheSeconds how long published answers are cached (how soon another instance's change shows)
     */
    public record Faq(Path seedDir, int cacheSeconds) {}

    /**
     * Staff accounts and pages.
     *
     * @param firstAdminPassword password of the first admin account ({@code admin}), created when there is no
     *     account at all; empty: a random one is printed once to the log
     */
    public record Admin(Secret firstAdminPassword) {}

    /**
     * The clinic itself.
     *
     * @param publicUrl the service's address as users reach it, for links in messages (the privacy note);
     *     empty: {@code http://localhost:PORT}, right only on the machine it runs on
     * @param hours when staff answer; unknown when not configured
     */
    public record Clinic(Optional<URI> publicUrl, OfficeHours hours) {
        /** The plain-language privacy note's address. */
        public String privacyUrl(int port) {
            String base = publicUrl.map(URI::toString).orElse("http://localhost:" + port);
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/privasi";
        }
    }

    /**
     * Consultations routed to people.
     *
     * @param unclaimedMinutes a case nobody took this long is highlighted in the workspace and reported once
     * @param consultantsChat a Telegram group of the consultants where queued and late cases are announced; empty: none
     * @param unclaimedCheckSeconds how often late cases are looked for
     */
    public record Cases(int unclaimedMinutes, Optional<String> consultantsChat, int unclaimedCheckSeconds) {}

    /**
     * How long personal data of finished consultations is kept (UU PDP 27/2022: no longer than needed).
     *
     * @param closedCaseDays a chat whose cases are all closed this many days ago, and which wrote nothing since, is
     *     anonymised; 0: never (only erasure on request)
     * @param checkMinutes how often such chats are looked for
     */
    public record Retention(int closedCaseDays, int checkMinutes) {
        public boolean enabled() {
            return closedCaseDays > 0;
        }
    }

    /** A value that must never be printed; toString() masks it. */
    public record Secret(String value) {
        public Secret {
            value = value == null ? "" : value;
        }

        public boolean isEmpty() {
            return value.isEmpty();
        }

        @Override
        public String toString() {
            return isEmpty() ? "(not set)" : "****";
        }
    }
}
