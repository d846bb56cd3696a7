/**
 * The Telegram adapter: long polling or the webhook route, exactly-once handling of updates, and the paced,
 * durable outbox sender. The only package that uses the TelegramBots library; it renders the engine's
 * messages in Telegram's HTML subset (everything escaped, {@code **bold**} as {@code <b>}) and inline
 * keyboards.
 */
package id.klinikumkm.bot.telegram;
