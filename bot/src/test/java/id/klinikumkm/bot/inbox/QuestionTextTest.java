package id.klinikumkm.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuestionTextTest {
    @Test
    void case_blanks_and_punctuation_do_not_make_a_question_different() {
        assertEquals("apa itu nib", QuestionText.normalise("  Apa itu NIB ?!."));
        assertEquals("apa itu nib", QuestionText.normalise("apa\titu,   nib"));
        assertEquals("p irt berapa lama", QuestionText.normalise("P-IRT berapa lama??"));
        assertEquals(QuestionText.groupId("apa itu nib"), QuestionText.groupId(QuestionText.normalise("APA ITU NIB!!")));
        assertThat(QuestionText.groupId("apa itu nib")).isNotEqualTo(QuestionText.groupId("apa itu pirt")).doesNotContain("nib");
    }
}
