package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.conversation.Interpretation.IntentScore;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
    private final DecisionPolicy policy = new DecisionPolicy(0.5, 0.2, 0.3);

    @Test
    void confident_and_clear_lead_answers() {
        assertThat(policy.decide(ranked("legal.nib.cost", 0.7, "legal.nib.register", 0.2))).isEqualTo(Decision.ANSWER);
    }

    @Test
    void confident_but_close_second_asks_back() {
        assertThat(policy.decide(ranked("halal.cost", 0.55, "halal.duration", 0.4))).isEqualTo(Decision.CLARIFY);
    }

    @Test
    void between_the_two_thresholds_asks_back() {
        assertThat(policy.decide(ranked("halal.cost", 0.35, "halal.duration", 0.1))).isEqualTo(Decision.CLARIFY);
    }

    @Test
    void unsure_or_out_of_scope_falls_back() {
        assertThat(policy.decide(ranked("halal.cost", 0.25, "halal.duration", 0.2))).isEqualTo(Decision.FALLBACK);
        assertThat(policy.decide(ranked("out_of_scope", 0.9, "halal.duration", 0.05))).isEqualTo(Decision.FALLBACK);
        assertThat(policy.decide(List.of())).isEqualTo(Decision.FALLBACK);
    }

    @Test
    void a_fallback_counts_as_out_of_scope_when_scored() {
        var ranked = ranked("halal.cost", 0.35, "halal.duration", 0.1);
        assertThat(DecisionPolicy.label(Decision.FALLBACK, ranked)).isEqualTo("out_of_scope");
        assertThat(DecisionPolicy.label(Decision.CLARIFY, ranked)).isEqualTo("halal.cost");
    }

    @Test
    void clarify_threshold_above_the_answer_threshold_is_refused() {
        assertThatThrownBy(() -> new DecisionPolicy(0.4, 0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<IntentScore> ranked(String first, double p1, String second, double p2) {
        return List.of(new IntentScore(first, p1), new IntentScore(second, p2));
    }
}
