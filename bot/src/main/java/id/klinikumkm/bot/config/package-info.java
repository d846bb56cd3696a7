/**
 * The configuration: defaults from {@code config/application.properties}, overridden by environment
 * variables, validated into {@link id.klinikumkm.bot.config.AppConfig}; an invalid value stops start-up with
 * one line naming the key.
 */
package id.klinikumkm.bot.config;
