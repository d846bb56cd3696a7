package id.klinikumkm.bot.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements every turn runs, with plain JDBC on the turn's own connection and transaction: jdbi's work per
 * statement (configuration copies, customizers, mapper lookups) was the largest share of a turn's CPU, ahead of
 * the driver and the classifier. Their SQL is in {@code db/turn/*.sql}; everything else a turn may do goes
 * through {@link TurnDao}.
 */
final class TurnStatements {
    private static final String LOCK_CHAT = sql("lock-chat.sql");
    private static final String MARK_HANDLED_AND_LOCK_CHAT = sql("mark-handled-and-lock-chat.sql");
    private static final String INSERT_TURN_MESSAGES = sql("insert-turn-messages.sql");
    private static final String SAVE_STATE = sql("save-state.sql");
    private static final String INSERT_UNANSWERED = sql("insert-unanswered.sql");

    private TurnStatements() {}

    /** Plain JDBC work whose {@link SQLException} is to surface like a failure of jdbi's own statements. */
    @FunctionalInterface
    interface Jdbc<T> {
        T run() throws SQLException;
    }

    static <T> T unchecked(Jdbc<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    static Optional<ChatRow> lockChat(Connection connection, String channel, String externalId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_CHAT)) {
            statement.setString(1, channel);
            statement.setString(2, externalId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(chatRow(rows)) : Optional.empty();
            }
        }
    }

    /** Empty when the update was handled before; else the locked chat row, empty inside for a chat never seen. */
    static Optional<Optional<ChatRow>> markHandledAndLockChat(Connection connection, String channel, String externalId,
                                                              long updateId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MARK_HANDLED_AND_LOCK_CHAT)) {
            statement.setString(1, channel);
            statement.setLong(2, updateId);
            statement.setString(3, channel);
            statement.setString(4, externalId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean("fresh")) {
                    return Optional.empty();
                }
                rows.getLong("id");
                return Optional.of(rows.wasNull() ? Optional.empty() : Optional.of(chatRow(rows)));
            }
        }
    }

    /** Writes the messages in the order given; returns the rows written (id, seq, body, buttons, created_at, author). */
    static List<StoredMessageRow> insertTurnMessages(Connection connection, long chatId, TurnMessages.Columns columns)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_TURN_MESSAGES)) {
            statement.setInt(1, columns.directions().length);
            statement.setLong(2, chatId);
            statement.setArray(3, connection.createArrayOf("text", columns.directions()));
            statement.setArray(4, connection.createArrayOf("text", columns.authors()));
            statement.setArray(5, connection.createArrayOf("text", columns.kinds()));
            statement.setArray(6, connection.createArrayOf("text", columns.bodies()));
            statement.setArray(7, connection.createArrayOf("text", columns.buttons()));
            statement.setArray(8, connection.createArrayOf("text", columns.deliveries()));
            statement.setArray(9, connection.createArrayOf("bigint", columns.caseIds()));
            statement.setArray(10, connection.createArrayOf("bigint", columns.accountIds()));
            statement.setArray(11, connection.createArrayOf("text", columns.fileIds()));
            List<StoredMessageRow> written = new ArrayList<>(columns.directions().length);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    written.add(new StoredMessageRow(rows.getLong("id"), rows.getLong("seq"), rows.getString("body"), rows.getString("buttons"),
                            rows.getObject("created_at", OffsetDateTime.class), rows.getString("author")));
                }
            }
            return written;
        }
    }

    static void saveState(Connection connection, long chatId, String flow, String step, String slots,
                          OffsetDateTime enteredAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SAVE_STATE)) {
            statement.setString(1, flow);
            statement.setString(2, step);
            statement.setString(3, slots);
            statement.setObject(4, enteredAt);
            statement.setLong(5, chatId);
            statement.executeUpdate();
        }
    }

    static void insertUnanswered(Connection connection, long chatId, String text, String reason, String topIntents)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_UNANSWERED)) {
            statement.setLong(1, chatId);
            statement.setString(2, text);
            statement.setString(3, reason);
            statement.setString(4, topIntents);
            statement.executeUpdate();
        }
    }

    private static ChatRow chatRow(ResultSet rows) throws SQLException {
        return new ChatRow(rows.getLong("id"), rows.getString("state_flow"), rows.getString("state_step"),
                rows.getString("state_slots"), rows.getObject("state_entered_at", OffsetDateTime.class),
                rows.getBoolean("consented"), rows.getString("display_name"));
    }

    static String sql(String name) {
        try (InputStream in = TurnStatements.class.getResourceAsStream("/db/turn/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource db/turn/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
