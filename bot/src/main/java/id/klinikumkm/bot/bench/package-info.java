/**
 * The {@code bench} command: a load benchmark that runs the whole service and a bare Javalin route side by side,
 * each in its own {@code -Xmx256m} JVM, against a throwaway PostgreSQL and a fake Telegram Bot API, and prints
 * numbers (issue 11). A developer tool, not a test: it stands in for the outside world (Telegram, the database
 * server, the users), so it may import the libraries that the service keeps inside its adapters.
 */
package id.klinikumkm.bot.bench;
