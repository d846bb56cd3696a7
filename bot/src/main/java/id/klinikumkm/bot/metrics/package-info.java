/** Prometheus metrics at {@code /metrics}: JVM, database, NLU decisions, cases, Telegram and outbox latencies, FAQ counts; never content. */
package id.klinikumkm.bot.metrics;
