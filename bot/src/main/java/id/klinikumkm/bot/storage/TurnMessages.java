package id.klinikumkm.bot.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The messages one turn writes, gathered so they reach the database with one statement
 * ({@link TurnStatements#insertTurnMessages}) instead of one per message.
 */
final class TurnMessages {
    private record Row(String direction, String author, String kind, String body, String buttons, String delivery,
                       Long caseId, Long accountId, String fileId) {}

    private final List<Row> rows = new ArrayList<>(4);

    void inbound(String kind, String body, String fileId) {
        rows.add(new Row("in", "user", kind, body, "[]", null, null, null, fileId));
    }

    void outbound(String author, String body, String buttons, String delivery, Long caseId, Long accountId) {
        rows.add(new Row("out", author, "text", body, buttons, delivery, caseId, accountId, null));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The gathered messages as one array per column, in order. */
    record Columns(String[] directions, String[] authors, String[] kinds, String[] bodies, String[] buttons,
                   String[] deliveries, Long[] caseIds, Long[] accountIds, String[] fileIds) {}

    /** Writes and forgets the gathered messages; returns the answers written, oldest first. */
    List<StoredMessageRow> writeTo(java.sql.Connection connection, long chatId) throws java.sql.SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        String[] directions = new String[n];
        String[] authors = new String[n];
        String[] kinds = new String[n];
        String[] bodies = new String[n];
        String[] buttons = new String[n];
        String[] deliveries = new String[n];
        Long[] caseIds = new Long[n];
        Long[] accountIds = new Long[n];
        String[] fileIds = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            directions[i] = row.direction();
            authors[i] = row.author();
            kinds[i] = row.kind();
            bodies[i] = row.body();
            buttons[i] = row.buttons();
            deliveries[i] = row.delivery();
            caseIds[i] = row.caseId();
            accountIds[i] = row.accountId();
            fileIds[i] = row.fileId();
        }
        rows.clear();
        return TurnStatements.insertTurnMessages(connection, chatId,
                        new Columns(directions, authors, kinds, bodies, buttons, deliveries, caseIds, accountIds, fileIds))
                .stream()
                .filter(row -> !"user".equals(row.author()))
                .sorted(Comparator.comparingLong(StoredMessageRow::id))
                .toList();
    }
}
