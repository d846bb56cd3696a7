package id.klinikumkm.bot.metrics;

import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Operational numbers in Prometheus format at {@code GET /metrics}: JVM and process, database readiness,
 * how typed questions were decided, cases, and the Telegram updates and outbox. Only counts, never content. Meant for the
 * operator's scraper; keep it off the public internet (see the README's proxy example).
 */
public final class Metrics implements Routes, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics(String version, BooleanSupplier databaseReachable) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("klinik.build.info", () -> 1).tag("version", version).register(registry);
        Gauge.builder("klinik.database.up", () -> databaseReachable.getAsBoolean() ? 1 : 0)
                .description("1 when the database answers").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A gauge read at each scrape; a failing reading shows as NaN instead of breaking the scrape. */
    public void gauge(String name, String description, LongSupplier reading) {
        Gauge.builder(name, () -> {
            try {
                return reading.getAsLong();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).register(registry);
    }

    /**
     * As {@link #gauge}, for a reading that costs a query: it runs at most once per {@code maxAge} however often and
     * however many scrapers read it.
     */
    public void cachedGauge(String name, String description, LongSupplier reading, Duration maxAge) {
        LoadingCache<String, Long> cache = Caffeine.newBuilder().expireAfterWrite(maxAge).build(key -> reading.getAsLong());
        gauge(name, description, () -> cache.get("value"));
    }

    /**
     * The classifier, counting its decisions by kind (answer, clarify, fallback), topic and top intent
     * ({@code klinik_nlu_decisions_total}); the fallback rate is the fallback share of the total. The tags are
     * bounded by the model's intent keys.
     */
    public IntentClassifier counting(IntentClassifier classifier) {
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        return text -> {
            Interpretation meaning = classifier.interpret(text);
            String intent = meaning.topIntent();
            counters.computeIfAbsent(meaning.decision().id() + ' ' + intent, key -> Counter.builder("klinik.nlu.decisions")
                    .description("typed questions by how the bot decided to answer them, and their most probable topic")
                    .tag("decision", meaning.decision().id())
                    .tag("topic", topicOf(intent))
                    .tag("intent", intent)
                    .register(registry)).increment();
            return meaning;
        };
    }

    /** The FAQ topic of an intent key ({@code legal.nib.cost} is {@code legal}); small talk and the rest are their own. */
    static String topicOf(String intent) {
        int dot = intent.indexOf('.');
        return dot < 0 ? intent : intent.substring(0, dot);
    }

    /**
     * One gauge per tag value, read from one query that runs at most once per {@code maxAge} however often and
     * however many scrapers read it (concurrent reads wait for the one running query); a value the query did not
     * return is 0, a failing query shows as NaN.
     */
    public void cachedGauges(String name, String description, String tag, List<String> values,
                             Supplier<Map<String, Long>> reading, Duration maxAge) {
        LoadingCache<String, Map<String, Long>> cache = Caffeine.newBuilder().expireAfterWrite(maxAge)
                .build(key -> Map.copyOf(reading.get()));
        for (String value : values) {
            Gauge.builder(name, () -> {
                try {
                    return cache.get("all").getOrDefault(value, 0L);
                } catch (RuntimeException e) {
                    return Double.NaN;
                }
            }).description(description).tag(tag, value).register(registry);
        }
    }

    /** A latency timer with histogram buckets at the given bounds, so quantiles can be estimated across instances. */
    public static Timer latency(MeterRegistry registry, String name, String description, Duration... buckets) {
        return Timer.builder(name).description(description).serviceLevelObjectives(buckets).register(registry);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
