package id.klinikumkm.bot.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the service's own tables after a webhook phase.
 *
 * <p>A turn runs in one transaction: it locks the chat, marks the update handled in {@code processed_updates}
 * ({@code handled_at = now()}), and inserts the inbound and outbound {@code messages} rows ({@code created_at =
 * now()}, the same transaction start time). So the update row's {@code xmin} is the turn's transaction, and its
 * commit timestamp ({@code track_commit_timestamp=on}) is when the reply became queued. The outbound rows cannot be
 * found by {@code xmin} for long: the outbox's claim updates them (a new row version, a new xmin). They are found by
 * chat and {@code created_at = handled_at} instead; the inbound row, never updated, is checked to share the
 * update's xmin, to show the premise holds.
 */
final class ServiceLedger {
    private static final String CHAT_OF_UPDATE =
            "coalesce(pu.payload #>> '{message,chat,id}', pu.payload #>> '{callback_query,message,chat,id}')";

    private final BenchDatabase database;

    ServiceLedger(BenchDatabase database) {
        this.database = database;
    }

    private Connection connect() throws SQLException {
        return database.connect(BenchDatabase.SERVICE_DATABASE);
    }

    /**
     * Waits, looking twice a second, until no Telegram update in [first, last] is recorded but unhandled, or
     * {@code cap} has passed; returns how many are left.
     */
    long awaitHandled(long first, long last, java.time.Duration cap) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        long left = unhandled(first, last);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            left = unhandled(first, last);
        }
        return left;
    }

    /** Telegram updates with ids in [first, last] that are recorded but not handled yet. */
    long unhandled(long first, long last) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FROM processed_updates
                WHERE channel = 'telegram' AND update_id BETWEEN ? AND ? AND handled_at IS NULL
                """)) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The updates of one phase, with when each turn committed and which replies it queued. */
    List<HandledUpdate> updates(long first, long last) throws SQLException {
        String sql = """
                SELECT pu.update_id, %1$s AS chat, pu.received_at,
                       CASE WHEN pu.handled_at IS NOT NULL THEN pg_xact_commit_timestamp(pu.xmin) END AS committed,
                       ARRAY(SELECT m.id FROM messages m
                             WHERE m.chat_id = c.id AND m.direction = 'out' AND m.created_at = pu.handled_at
                             ORDER BY m.id) AS replies
                FROM processed_updates pu
                LEFT JOIN chats c ON c.channel = 'telegram' AND c.external_id = %1$s
                WHERE pu.channel = 'telegram' AND pu.update_id BETWEEN ? AND ?
                ORDER BY pu.update_id
                """.formatted(CHAT_OF_UPDATE);
        List<HandledUpdate> updates = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp committed = rows.getTimestamp("committed");
                    Array replies = rows.getArray("replies");
                    updates.add(new HandledUpdate(rows.getLong("update_id"), rows.getString("chat"),
                            rows.getTimestamp("received_at").toInstant(), committed == null ? null : committed.toInstant(),
                            Arrays.asList((Long[]) replies.getArray())));
                }
            }
        }
        return updates;
    }

    /** Of the handled updates in [first, last] that recorded an inbound message, how many share its xmin. */
    long[] inboundRowsSharingTheTurnsXmin(long first, long last) throws SQLException {
        String sql = """
                SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id
                                          AND m.direction = 'in' AND m.xmin = pu.xmin)),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id
                                          AND m.direction = 'in' AND m.created_at = pu.handled_at))
                FROM processed_updates pu
                JOIN chats c ON c.channel = 'telegram' AND c.external_id = %s
                WHERE pu.channel = 'telegram' AND pu.update_id BETWEEN ? AND ? AND pu.handled_at IS NOT NULL
                """.formatted(CHAT_OF_UPDATE);
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    /** Telegram replies the outbox has marked sent, per chat, in id order (the order the outbox sends them). */
    Map<String, List<Long>> sentReplies() throws SQLException {
        Map<String, List<Long>> sent = new TreeMap<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT c.external_id, m.id FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE c.channel = 'telegram' AND m.direction = 'out' AND m.delivery = 'sent'
                ORDER BY m.id
                """); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sent.computeIfAbsent(rows.getString(1), chat -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        return sent;
    }

    /** Telegram replies still waiting in the outbox. */
    long stillQueued() throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE c.channel = 'telegram' AND m.direction = 'out' AND m.delivery = 'pending'
                """); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Duplicates, which the primary key of {@code processed_updates} cannot show: for each handled update in
     * [first, last], the inbound messages of its chat written by its turn (same xmin). Returns how many updates
     * have exactly one, none, and more than one, and the sum of those rows; a second turn for the same update
     * would leave its own inbound row, outside the first turn's xmin.
     */
    long[] inboundRowsPerHandledUpdate(long first, long last) throws SQLException {
        String sql = """
                SELECT count(*) FILTER (WHERE n = 1), count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1),
                       coalesce(sum(n), 0)
                FROM (SELECT (SELECT count(*) FROM messages m WHERE m.chat_id = c.id AND m.direction = 'in'
                              AND m.xmin = pu.xmin) AS n
                      FROM processed_updates pu
                      JOIN chats c ON c.channel = 'telegram' AND c.external_id = %s
                      WHERE pu.channel = 'telegram' AND pu.update_id BETWEEN ? AND ? AND pu.handled_at IS NOT NULL) turns
                """.formatted(CHAT_OF_UPDATE);
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
            }
        }
    }

    /** All inbound messages of the Telegram chats with ids in [firstChat, lastChat], whichever turn wrote them. */
    long inboundRowsOfChats(long firstChat, long lastChat) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FROM messages m JOIN chats c ON c.id = m.chat_id
                WHERE c.channel = 'telegram' AND m.direction = 'in'
                  AND c.external_id IN (SELECT generate_series(?::bigint, ?::bigint)::text)
                """)) {
            query.setLong(1, firstChat);
            query.setLong(2, lastChat);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
