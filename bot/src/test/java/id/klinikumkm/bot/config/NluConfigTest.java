package id.klinikumkm.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nlu.* keys: documented defaults, environment overrides, and refusal of bad values. */
class NluConfigTest {

    @Test
    void shipped_defaults_are_valid() {
        AppConfig.Nlu nlu = ConfigLoader.load(Map.of(), Map.of()).nlu();
        assertEquals(Path.of("./nlp-models"), nlu.modelsDir());
        assertThat(nlu.clarifyThreshold()).isBetween(0.0, nlu.threshold());
        assertThat(nlu.margin()).isBetween(0.0, 1.0);
    }

    @Test
    void environment_overrides_the_nlu_keys() {
        AppConfig.Nlu nlu = ConfigLoader.load(Map.of(), Map.of(
                "KLINIK_NLU_MODELS_DIR", "/srv/klinik/nlp-models",
                "KLINIK_NLU_THRESHOLD", "0.7",
                "KLINIK_NLU_MARGIN", "0.25",
                "KLINIK_NLU_CLARIFY_THRESHOLD", "0.3")).nlu();
        assertEquals(new AppConfig.Nlu(Path.of("/srv/klinik/nlp-models"), 0.7, 0.25, 0.3), nlu);
    }

    @Test
    void probabilities_outside_zero_to_one_or_not_numbers_are_refused_naming_the_key() {
        var notANumber = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("nlu.threshold", "tinggi"), Map.of()));
        assertThat(notANumber.getMessage()).contains("nlu.threshold").contains("'tinggi'").contains("0 to 1");
        var tooBig = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("KLINIK_NLU_MARGIN", "1.5")));
        assertThat(tooBig.getMessage()).contains("KLINIK_NLU_MARGIN").contains("1.5");
        var nan = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("nlu.clarify.threshold", "NaN"), Map.of()));
        assertThat(nan.getMessage()).contains("nlu.clarify.threshold");
    }

    @Test
    void clarify_threshold_above_the_answer_threshold_is_refused() {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                Map.of("nlu.threshold", "0.4", "nlu.clarify.threshold", "0.6"), Map.of()));
        assertThat(error.getMessage()).contains("nlu.clarify.threshold").contains("nlu.threshold");
    }

    @Test
    void an_empty_models_directory_is_refused() {
        var error = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("nlu.models.dir", " "), Map.of()));
        assertThat(error.getMessage()).contains("nlu.models.dir").contains("must not be empty");
    }
}
