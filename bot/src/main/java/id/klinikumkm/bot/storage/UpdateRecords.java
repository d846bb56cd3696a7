package id.klinikumkm.bot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Records incoming channel updates, many with one statement and one commit. Plain JDBC for the reason
 * {@link TurnStatements} gives: attaching a SqlObject per batch was a tenth of the service's CPU under webhook load.
 */
public final class UpdateRecords {
    private static final String RECORD_ALL = TurnStatements.sql("record-updates.sql");
    private static final String EARLIER_UNHANDLED = TurnStatements.sql("earlier-unhandled-updates.sql");

    private final Jdbi jdbi;

    public UpdateRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records the updates (ids, chats and payloads element by element); returns the ids that were new, each with
     * whether an earlier update of its chat may be unhandled: recorded before, unhandled and tried fewer than
     * {@code maxAttempts} times, or in this same batch.
     */
    public Map<Long, Boolean> recordAll(String channel, Long[] updateIds, String[] chatIds, String[] payloads, int maxAttempts) {
        return TurnStatements.unchecked(() -> jdbi.withHandle(handle -> {
            Connection connection = handle.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(RECORD_ALL)) {
                statement.setArray(1, connection.createArrayOf("bigint", updateIds));
                statement.setArray(2, connection.createArrayOf("text", chatIds));
                statement.setArray(3, connection.createArrayOf("text", payloads));
                statement.setString(4, channel);
                statement.setInt(5, maxAttempts);
                Map<Long, Boolean> fresh = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        fresh.put(rows.getLong(1), rows.getBoolean(2));
                    }
                }
                return fresh;
            }
        }));
    }

    /**
     * Payloads of the chat's updates before {@code updateId} that were recorded but not handled (an instance died
     * with them queued, or their handling failed) and tried fewer than {@code maxAttempts} times, oldest first.
     */
    public List<String> earlierUnhandled(String channel, String chatId, long updateId, int maxAttempts) {
        return TurnStatements.unchecked(() -> jdbi.withHandle(handle -> {
            try (PreparedStatement statement = handle.getConnection().prepareStatement(EARLIER_UNHANDLED)) {
                statement.setString(1, channel);
                statement.setString(2, chatId);
                statement.setLong(3, updateId);
                statement.setInt(4, maxAttempts);
                List<String> payloads = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        payloads.add(rows.getString(1));
                    }
                }
                return payloads;
            }
        }));
    }
}
