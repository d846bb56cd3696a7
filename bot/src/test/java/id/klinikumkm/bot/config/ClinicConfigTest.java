package id.klinikumkm.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clinic's hours and address: shown to users, so wrong values stop start-up with one clear line. */
class ClinicConfigTest {

    @Test
    void hours_are_unknown_by_default_and_the_privacy_link_points_at_this_machine() {
        AppConfig.Clinic clinic = ConfigLoader.load(Map.of(), Map.of()).clinic();
        assertThat(clinic.hours().isKnown()).isFalse();
        assertThat(clinic.hours().describe()).isEmpty();
        assertThat(clinic.privacyUrl(7070)).isEqualTo("http://localhost:7070/privasi");
    }

    @Test
    void configured_hours_read_in_indonesian_with_the_zone() {
        AppConfig.Clinic clinic = ConfigLoader.load(Map.of(), Map.of(
                "KLINIK_CLINIC_HOURS", "mon-thu 08:00-15:30; fri 08:00-14:00",
                "KLINIK_CLINIC_PUBLIC_URL", "https://klinik.example.go.id/")).clinic();
        assertThat(clinic.hours().describe()).hasValue("Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–14.00 WIB");
        assertThat(clinic.privacyUrl(7070)).isEqualTo("https://klinik.example.go.id/privasi");
    }

    @Test
    void open_hours_and_the_next_opening_follow_the_configured_days_in_the_clinics_zone() {
        OfficeHours hours = OfficeHours.parse("mon-thu 08:00-15:30; fri 08:00-14:00", java.time.ZoneId.of("Asia/Jakarta"));
        // Sunday 29 Nov 2026 16:00 UTC is Sunday 23.00 WIB; Monday 30 Nov 02:00 UTC is Monday 09.00 WIB.
        assertThat(hours.isOpen(java.time.Instant.parse("2026-11-29T16:00:00Z"))).isFalse();
        assertThat(hours.nextOpening(java.time.Instant.parse("2026-11-29T16:00:00Z"))).hasValue("Senin, 08.00 WIB");
        assertThat(hours.isOpen(java.time.Instant.parse("2026-11-30T02:00:00Z"))).isTrue();
        assertThat(hours.isOpen(java.time.Instant.parse("2026-12-04T07:30:00Z"))).as("Friday 14.30 WIB").isFalse();
        assertThat(hours.nextOpening(java.time.Instant.parse("2026-12-04T07:30:00Z"))).hasValue("Senin, 08.00 WIB");
        assertThat(hours.nextOpening(java.time.Instant.parse("2026-12-01T00:30:00Z"))).as("Tuesday 07.30 WIB").hasValue("Selasa, 08.00 WIB");
        assertThat(OfficeHours.parse("", java.time.ZoneId.of("Asia/Jakarta")).nextOpening(java.time.Instant.EPOCH)).isEmpty();
    }

    @Test
    void malformed_hours_name_the_key_and_show_the_expected_shape() {
        for (String wrong : new String[] {"senin 8-15", "mon-thu 15:30-08:00", "fri-mon 08:00-12:00", "mon 25:00-26:00"}) {
            var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("clinic.hours", wrong), Map.of()));
            assertThat(error.getMessage()).as(wrong).contains("clinic.hours", "mon-thu 08:00-15:30").doesNotContain("\n");
        }
    }

    @Test
    void an_unknown_time_zone_is_refused() {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("clinic.timezone", "Probolinggo/Kraksaan"), Map.of()));
        assertThat(error.getMessage()).contains("clinic.timezone", "Asia/Jakarta");
    }
}
