package id.klinikumkm.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which rows of which table belong to a person (one chat), and a check that an erasure or anonymisation removed
 * that person's personal data everywhere and changed nothing else. Every table of the schema must be classified
 * here: a new table fails the check until someone decides whether it holds personal data.
 */
public final class PersonalRows {
    /**
     * Tables that hold a person's rows, with the condition selecting the rows of chat {@code ?} (each {@code ?} is
     * the chat id).
     */
    public static final Map<String, String> PERSONAL = Map.of(
            "chats", "id = ?",
            "messages", "chat_id = ?",
            "cases", "chat_id = ?",
            "case_events", "case_id IN (SELECT id FROM cases WHERE chat_id = ?)",
            "case_notes", "case_id IN (SELECT id FROM cases WHERE chat_id = ?)",
            "unanswered_questions", "chat_id = ?",
            "faq_votes", "chat_id = ?",
            "audit_log", "subject = 'chat:' || ?",
            "processed_updates", """
                    channel = 'telegram' AND (SELECT external_id FROM chats WHERE id = ? AND channel = 'telegram') IN (
                        payload #>> '{message,chat,id}', payload #>> '{edited_message,chat,id}', payload #>> '{callback_query,message,chat,id}',
                        payload #>> '{callback_query,from,id}', payload #>> '{my_chat_member,chat,id}')""");

    /**
     * Tables that hold no entrepreneur's personal data: staff accounts and their sessions and tokens, the FAQ and its
     * history, settings, case-number counters, NLU models, and training examples (texts admins chose to teach the bot;
     * the link to the question they came from is cut when it is erased).
     */
    public static final Set<String> NOT_PERSONAL = Set.of("flyway_schema_history", "settings", "faq_entries", "faq_revisions",
            "accounts", "staff_sessions", "api_tokens", "consultant_profiles", "training_examples", "nlu_models", "case_numbers");

    /** Staff activity (logins, last use of a session or token) may change while an admin works; never a person's data. */
    public static final Set<String> STAFF_ACTIVITY = Set.of("staff_sessions", "api_tokens", "accounts");

    private final String url;

    public PersonalRows(String url) {
        this.url = url;
    }

    /** Every table's rows as primary key to a digest of the whole row, and the keys of the person's rows. */
    public record Snapshot(Map<String, Map<String, String>> rows, Map<String, Set<String>> personal) {}

    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
                List.of(), rs -> tables.add(rs.getString(1)));
        return tables;
    }

    /** Fails for a table that is neither personal nor known to hold no personal data. */
    public void assertEveryTableClassified() {
        assertThat(tables()).as("tables of the schema; classify a new one in PersonalRows").allSatisfy(table ->
                assertThat(PERSONAL.containsKey(table) || NOT_PERSONAL.contains(table))
                        .as("table %s is not classified as holding personal data or not", table).isTrue());
        assertThat(tables()).containsAll(PERSONAL.keySet()).containsAll(NOT_PERSONAL);
    }

    public Snapshot snapshot(long chatId) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        Map<String, Set<String>> personal = new TreeMap<>();
        for (String table : tables()) {
            String key = primaryKey(table);
            Map<String, String> digests = new HashMap<>();
            query("SELECT (" + key + ")::text, md5(t::text) FROM " + table + " t", List.of(), rs -> digests.put(rs.getString(1), rs.getString(2)));
            rows.put(table, digests);
            personal.put(table, personalKeys(table, key, chatId));
        }
        return new Snapshot(rows, personal);
    }

    private Set<String> personalKeys(String table, String key, long chatId) {
        Set<String> keys = new HashSet<>();
        String condition = PERSONAL.get(table);
        if (condition != null) {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < condition.chars().filter(c -> c == '?').count(); i++) {
                args.add(chatId);
            }
            query("SELECT (" + key + ")::text FROM " + table + " t WHERE " + condition.replace("'chat:' || ?", "'chat:' || ?::text"),
                    args, rs -> keys.add(rs.getString(1)));
        }
        return keys;
    }

    /**
     * Checks, between {@code before} and now: every row of other people is unchanged and still there; rows that
     * appeared belong to the person (an erasure's audit entry, the messages of the turn that erased); and no row of
     * any table contains any of the person's {@code markers}.
     */
    public void assertOnlyThePersonChanged(Snapshot before, long chatId, List<String> markers) {
        Snapshot after = snapshot(chatId);
        for (String table : before.rows().keySet()) {
            if (STAFF_ACTIVITY.contains(table)) {
                continue;
            }
            Map<String, String> then = before.rows().get(table);
            Map<String, String> now = after.rows().get(table);
            for (Map.Entry<String, String> row : then.entrySet()) {
                if (!before.personal().get(table).contains(row.getKey())) {
                    assertThat(now.get(row.getKey())).as("%s row %s of someone else is untouched", table, row.getKey()).isEqualTo(row.getValue());
                }
            }
            for (String key : now.keySet()) {
                if (!then.containsKey(key)) {
                    assertThat(after.personal().get(table)).as("%s row %s appeared but is not the person's", table, key).contains(key);
                }
            }
        }
        assertNoneContains(markers);
    }

    /** No row of any table contains any of {@code markers} (case-insensitive). */
    public void assertNoneContains(List<String> markers) {
        for (String table : tables()) {
            for (String marker : markers) {
                long found = count("SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ?", "%" + marker + "%");
                assertThat(found).as("rows of %s still holding '%s'", table, marker).isZero();
            }
        }
    }

    /** The tables in which some row contains {@code marker}. */
    public Set<String> tablesContaining(String marker) {
        Set<String> found = new java.util.TreeSet<>();
        for (String table : tables()) {
            if (count("SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ?", "%" + marker + "%") > 0) {
                found.add(table);
            }
        }
        return found;
    }

    private String primaryKey(String table) {
        List<String> columns = new ArrayList<>();
        query("""
                SELECT k.column_name FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position
                """, List.of(table), rs -> columns.add(rs.getString(1)));
        assertThat(columns).as("primary key of %s", table).isNotEmpty();
        return "ROW(" + String.join(", ", columns.stream().map(c -> "t." + c).toList()) + ", 0)";
    }

    private long count(String sql, Object arg) {
        long[] result = new long[1];
        query(sql, List.of(arg), rs -> result[0] = rs.getLong(1));
        return result[0];
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> args, RowHandler handler) {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
