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
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Operational numbers in Prometheus format at {@code GET /metrics}: JVM and process, database readiness,
 * how typed questions were decided, and the Telegram outbox. Only counts, never content. Meant for the
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

    /** The classifier, counting its decisions (answer, clarify, fallback). */
    public IntentClassifier counting(IntentClassifier classifier) {
        Map<Interpretation.Decision, Counter> counters = new EnumMap<>(Interpretation.Decision.class);
        for (Interpretation.Decision decision : Interpretation.Decision.values()) {
            counters.put(decision, Counter.builder("klinik.nlu.decisions")
                    .description("typed questions by how the bot decided to answer them")
                    .tag("decision", decision.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
        return text -> {
            Interpretation meaning = classifier.interpret(text);
            counters.get(meaning.decision()).increment();
            return meaning;
        };
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
