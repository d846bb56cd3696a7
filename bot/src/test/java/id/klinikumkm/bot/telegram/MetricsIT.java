package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Acceptance (issue 12, item 3): /metrics is scraped before and after a short Telegram conversation and a case
 * answered by a consultant, and every counter the operator watches moved: NLU decisions by kind and intent,
 * outbox send latency, update handling latency, cases by status and the time to the first consultant reply.
 * The log lines written meanwhile carry the case number but never a name, phone number or typed text.
 */
class MetricsIT {
    private static final long USER = 9_101;
    private static final Duration WAIT = TelegramHarness.WAIT;
    private static final String NAME = "Zubaidah Metrikawati";
    private static final String TYPED = "berapa biaya bikin nib di oss";
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        harness.close();
    }

    @Test
    void counters_move_after_a_short_conversation_and_a_case_and_logs_keep_no_personal_data() {
        logs.start();
        root.addAppender(logs);
        Application app = harness.polling(Map.of("chat.rate.per.session.per.minute", "1000"));
        HttpJson http = new HttpJson(app.httpPort());
        HttpJson siti = new HttpJson(app.httpPort()).withBearer(TestStaff.consultant(harness.databaseUrl, "siti", "Siti Aminah", "halal"));
        Scrape before = Scrape.of(http);
        assertThat(before.text()).contains("klinik_outbox_pending", "klinik_telegram_updates_waiting");

        fake.repliesTo(USER, () -> fake.textMessage(USER, "/start"), 2, WAIT);
        fake.repliesTo(USER, () -> fake.callbackQuery(USER, "consent:yes"), 1, WAIT);
        fake.repliesTo(USER, () -> fake.textMessage(USER, TYPED), 1, WAIT);
        fake.repliesTo(USER, () -> fake.textMessage(USER, "zxqv wlrm pptk"), 1, WAIT);

        WebChatUser web = new WebChatUser(http, "metrics-walk-000000001");
        String number = web.openCase(NAME, "halal");
        assertThat(siti.postJson("/api/consultant/cases/" + number + "/reply", Map.of("text", "Selamat siang, Bu.")).status()).isEqualTo(200);

        Scrape after = awaitScrape(http, scrape -> scrape.sum("klinik_outbox_send_latency_seconds_count") >= before.sum("klinik_outbox_send_latency_seconds_count") + 5
                && scrape.sum("klinik_cases", "status=\"waiting_user\"") >= 1);
        assertThat(after.sum("klinik_nlu_decisions_total", "decision=\"answer\"", "intent=\"legal.nib.cost\"", "topic=\"legal\""))
                .as("the typed question, answered").isGreaterThan(before.sum("klinik_nlu_decisions_total", "decision=\"answer\"", "intent=\"legal.nib.cost\""));
        assertThat(after.sum("klinik_nlu_decisions_total", "decision=\"fallback\""))
                .as("the gibberish, a fallback").isGreaterThan(before.sum("klinik_nlu_decisions_total", "decision=\"fallback\""));
        assertThat(after.sum("klinik_telegram_update_handling_seconds_count")).as("four updates handled")
                .isGreaterThanOrEqualTo(before.sum("klinik_telegram_update_handling_seconds_count") + 4);
        assertThat(after.sum("klinik_telegram_update_handling_seconds_bucket", "le=\"+Inf\"")).isGreaterThanOrEqualTo(4);
        assertThat(after.sum("klinik_outbox_send_latency_seconds_sum")).isGreaterThan(0);
        assertThat(after.sum("klinik_cases_first_reply_seconds_count")).isEqualTo(before.sum("klinik_cases_first_reply_seconds_count") + 1);
        assertThat(after.sum("klinik_cases", "status=\"waiting_user\"")).isEqualTo(1);
        assertThat(after.sum("klinik_cases", "status=\"closed\"")).as("every status has a series").isZero();
        assertThat(after.text()).contains("klinik_cases{status=\"closed\"}");

        assertThat(siti.postJson("/api/consultant/cases/" + number + "/reply", Map.of("text", "Ada lagi, Bu?")).status()).isEqualTo(200);
        assertThat(Scrape.of(http).sum("klinik_cases_first_reply_seconds_count")).as("only the first reply is timed")
                .isEqualTo(before.sum("klinik_cases_first_reply_seconds_count") + 1);

        List<String> lines = logs.list.stream().map(MetricsIT::rendered).toList();
        assertThat(lines).as("log lines name the case").anyMatch(line -> line.contains(number) && line.contains("opened"));
        assertThat(lines).as("log lines name the case").anyMatch(line -> line.contains(number) && line.contains("reply"));
        for (String secret : List.of("Zubaidah", "Metrikawati", "3456", "7890", "sambal", TYPED, "zxqv", "Selamat siang", String.valueOf(USER))) {
            assertThat(lines).as("no log line holds %s", secret).noneMatch(line -> line.contains(secret));
        }
    }

    private static String rendered(ILoggingEvent event) {
        return event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    /** Scrapes until {@code ready} holds (the cases gauge is counted at most every 5 seconds), at most 15 seconds. */
    private static Scrape awaitScrape(HttpJson http, Function<Scrape, Boolean> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Scrape scrape = Scrape.of(http);
        while (!ready.apply(scrape) && System.nanoTime() < deadline) {
            TelegramHarness.sleep(200);
            scrape = Scrape.of(http);
        }
        return scrape;
    }

    /** One /metrics response in Prometheus text format. */
    private record Scrape(String text) {
        static Scrape of(HttpJson http) {
            HttpJson.Response response = http.get("/metrics");
            assertThat(response.status()).isEqualTo(200);
            return new Scrape(response.body());
        }

        /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
        double sum(String name, String... labels) {
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String series = line.substring(0, space);
                String metric = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
                if (metric.equals(name) && java.util.Arrays.stream(labels).allMatch(series::contains)) {
                    total += Double.parseDouble(line.substring(space + 1));
                }
            }
            return total;
        }
    }
}
