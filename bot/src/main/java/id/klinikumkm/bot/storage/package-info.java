/**
 * The database: start-up of PostgreSQL (embedded when no URL is configured), the connection pool, Flyway
 * migrations, and the chats and messages aggregates behind the conversation's
 * {@code ConversationStore} port ({@link id.klinikumkm.bot.storage.JdbiConversationStore}), plus the
 * Telegram outbox, processed updates and settings DAOs. Erasing a chat reaches every table that names it.
 */
package id.klinikumkm.bot.storage;
