/** Describing failures for logs without their messages, which can quote personal data. */
package id.klinikumkm.bot.logging;
