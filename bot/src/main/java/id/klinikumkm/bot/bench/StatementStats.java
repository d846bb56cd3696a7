package id.klinikumkm.bot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL executed for the service's database over a phase, from {@code pg_stat_statements} (which the
 * bench loads only when asked, with {@code --statements N}): reset before the phase, read after it.
 */
final class StatementStats {
    /** One normalised statement's totals over the phase; the query is its first line-folded 100 characters. */
    record Row(long calls, double executionMillis, long rows, long walRecords, double walBytes, String query) {}

    private final BenchDatabase database;

    StatementStats(BenchDatabase database) {
        this.database = database;
    }

    void reset() throws SQLException {
        try (Connection connection = database.connect(BenchDatabase.SERVICE_DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements of the service's database that took the most execution time, most first. */
    List<Row> top(int limit) throws SQLException {
        try (Connection connection = database.connect(BenchDatabase.SERVICE_DATABASE);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT s.calls, s.total_exec_time, s.rows, s.wal_records, s.wal_bytes,
                            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 100) AS query
                     FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                     WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'
                     ORDER BY s.total_exec_time DESC LIMIT ?
                     """)) {
            query.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getDouble(2), result.getLong(3), result.getLong(4),
                            result.getDouble(5), result.getString(6)));
                }
            }
            return rows;
        }
    }
}
