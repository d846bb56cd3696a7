package id.klinikumkm.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void shipped_defaults_are_valid_and_use_the_embedded_database() {
        AppConfig config = ConfigLoader.load(Map.of(), Map.of());
        assertEquals(7070, config.http().port());
        assertTrue(config.db().embedded());
        assertEquals(AppConfig.TelegramMode.OFF, config.telegram().effectiveMode());
        assertEquals(4000, config.chat().maxTextChars());
    }

    @Test
    void environment_overrides_every_key_by_its_derived_name() {
        AppConfig config = ConfigLoader.load(Map.of(), Map.of(
                "KLINIK_HTTP_PORT", "8081",
                "KLINIK_DB_URL", "jdbc:postgresql://db.internal:5432/klinik",
                "TELEGRAM_BOT_TOKEN", "123:abc",
                "TELEGRAM_WEBHOOK_URL", "https://klinik.example.go.id/telegram/webhook",
                "TELEGRAM_WEBHOOK_SECRET", "a-long-random-secret"));
        assertEquals(8081, config.http().port());
        assertEquals("jdbc:postgresql://db.internal:5432/klinik", config.db().url().orElseThrow());
        assertEquals(AppConfig.TelegramMode.WEBHOOK, config.telegram().effectiveMode());
    }

    @Test
    void environment_names_follow_the_documented_rule() {
        assertEquals("KLINIK_HTTP_PORT", ConfigLoader.environmentName("http.port"));
        assertEquals("KLINIK_DB_EMBEDDED_DIR", ConfigLoader.environmentName("db.embedded.dir"));
        assertEquals("TELEGRAM_BOT_TOKEN", ConfigLoader.environmentName("telegram.bot.token"));
    }

    @Test
    void non_numeric_port_names_the_variable_and_the_value() {
        var error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("KLINIK_HTTP_PORT", "abc")));
        assertThat(error.getMessage()).contains("KLINIK_HTTP_PORT").contains("'abc'").doesNotContain("\n");
    }

    @Test
    void out_of_range_port_is_refused() {
        var error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("http.port", "70000"), Map.of()));
        assertThat(error.getMessage()).contains("http.port").contains("0 to 65535");
    }

    @Test
    void malformed_jdbc_url_is_refused_without_showing_its_password() {
        var error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("KLINIK_DB_URL", "postgres://user:hunter2@db/klinik")));
        assertThat(error.getMessage()).contains("KLINIK_DB_URL").doesNotContain("hunter2");
        var withPassword = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("KLINIK_DB_URL", "mysql://db/x?password=hunter2")));
        assertThat(withPassword.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void unknown_telegram_mode_is_refused() {
        var error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("TELEGRAM_MODE", "carrier-pigeon")));
        assertThat(error.getMessage()).contains("TELEGRAM_MODE").contains("off, polling, webhook, auto");
    }

    @Test
    void secrets_never_appear_in_the_printed_configuration() {
        AppConfig config = ConfigLoader.load(Map.of(), Map.of(
                "TELEGRAM_BOT_TOKEN", "123456:SECRET-TOKEN",
                "KLINIK_DB_PASSWORD", "hunter2",
                "TELEGRAM_WEBHOOK_SECRET", "s3cr3t_value"));
        assertThat(config.toString()).doesNotContain("SECRET-TOKEN").doesNotContain("hunter2").doesNotContain("s3cr3t_value");
        assertFalse(config.telegram().botToken().isEmpty());
    }

    @Test
    void booleans_must_be_true_or_false() {
        var error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("KLINIK_HTTP_TRUST_FORWARDED_FOR", "yes")));
        assertThat(error.getMessage()).contains("KLINIK_HTTP_TRUST_FORWARDED_FOR").contains("true or false");
        assertTrue(ConfigLoader.load(Map.of(), Map.of("KLINIK_HTTP_TRUST_FORWARDED_FOR", "TRUE")).chat().trustForwardedFor());
    }

    @Test
    void webhook_mode_without_a_secret_is_refused() {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of(
                "TELEGRAM_BOT_TOKEN", "1:x", "TELEGRAM_WEBHOOK_URL", "https://klinik.example.go.id/hook")));
        assertThat(error.getMessage()).contains("telegram.webhook.secret");
    }

    @Test
    void token_without_webhook_means_polling() {
        AppConfig config = ConfigLoader.load(Map.of(), Map.of("TELEGRAM_BOT_TOKEN", "1:x"));
        assertEquals(AppConfig.TelegramMode.POLLING, config.telegram().effectiveMode());
    }
}
