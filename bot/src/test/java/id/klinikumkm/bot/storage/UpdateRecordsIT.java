package id.klinikumkm.bot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which newly recorded updates must look for earlier unhandled ones of their chat before they are handled. */
class UpdateRecordsIT {
    private static final String CHANNEL = "telegram";
    private static final int TRIES = 5;

    @Test
    void an_update_is_behind_an_unhandled_one_of_its_chat_recorded_before_or_in_the_same_batch() {
        String url = TestDatabases.embedded().freshDatabaseUrl();
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", url), Map.of()).db())) {
            UpdateRecords records = new UpdateRecords(database.intakeJdbi());

            // Two updates of chat 7 in one batch: handed to the handlers in no fixed order, so the later one looks.
            assertThat(record(records, new Long[] {10L, 11L, 12L}, new String[] {"7", "7", "8"}))
                    .isEqualTo(Map.of(10L, false, 11L, true, 12L, false));
            // A duplicate is not new; 10 and 11 are still unhandled, so 13 looks; chat 8's 12 too.
            assertThat(record(records, new Long[] {11L, 13L, 14L}, new String[] {"7", "7", "8"}))
                    .isEqualTo(Map.of(13L, true, 14L, true));

            Sql.execute(url, "UPDATE processed_updates SET handled_at = now()");
            Sql.execute(url, "INSERT INTO processed_updates (channel, update_id, chat_id, payload, attempts)"
                    + " VALUES ('telegram', 15, '9', '{}', " + TRIES + ")");
            // All handled, or given up after its tries: nothing to look for. An update of no chat never looks.
            assertThat(record(records, new Long[] {16L, 17L, 18L}, new String[] {"7", "9", null}))
                    .isEqualTo(Map.of(16L, false, 17L, false, 18L, false));
        }
    }

    private static Map<Long, Boolean> record(UpdateRecords records, Long[] ids, String[] chats) {
        String[] payloads = new String[ids.length];
        java.util.Arrays.fill(payloads, "{}");
        return records.recordAll(CHANNEL, ids, chats, payloads, TRIES);
    }
}
