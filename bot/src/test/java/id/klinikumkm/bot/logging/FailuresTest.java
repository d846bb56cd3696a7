package id.klinikumkm.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void names_the_exception_chain_and_sql_state_but_never_the_message_text() {
        var failure = new IllegalStateException("turn failed for Siti",
                new SQLException("ERROR: duplicate key; Failing row contains (Siti Aminah, 081234567890)", "23505"));

        String described = Failures.describe(failure);

        assertThat(described).isEqualTo("IllegalStateException <- SQLException [SQLState 23505]");
        assertThat(described).doesNotContain("Siti").doesNotContain("0812");
    }
}
