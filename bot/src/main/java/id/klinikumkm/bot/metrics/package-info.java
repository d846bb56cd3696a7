/** Prometheus metrics at {@code /metrics}: JVM, database, NLU decisions, outbox and FAQ counts; never content. */
package id.klinikumkm.bot.metrics;
