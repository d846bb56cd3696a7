package id.klinikumkm.bot.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The report's figures, each over rows created in {@code [start, end)}. Cases are counted by the day they were
 * opened: the times and ratings are those of the cases opened in the range.
 */
public interface ReportsDao {

    /** A group and how many rows fell into it. */
    record KeyCount(String key, long count) {}

    /** The Monday (in {@code zone}) of an ISO week and the cases opened in that week. */
    record WeekCount(LocalDate monday, long count) {}

    /** A median duration in seconds over {@code cases} cases; {@code null} when there are none. */
    record MedianRow(long cases, Double seconds) {}

    /** The typed questions of users, how many chats sent them, and the questions kept as unanswered. */
    record BotRow(long questions, long askingChats, long unanswered, long casesOpened) {}

    @SqlQuery("""
            SELECT date_trunc('week', created_at AT TIME ZONE :zone)::date AS monday, count(*) AS count
            FROM cases WHERE created_at >= :start AND created_at < :end
            GROUP BY 1 ORDER BY 1
            """)
    @RegisterConstructorMapper(WeekCount.class)
    List<WeekCount> casesPerWeek(OffsetDateTime start, OffsetDateTime end, String zone);

    /** A case with two needs counts once for each. */
    @SqlQuery("""
            SELECT need AS key, count(*) AS count
            FROM cases, unnest(needs) AS need WHERE created_at >= :start AND created_at < :end
            GROUP BY need
            """)
    @RegisterConstructorMapper(KeyCount.class)
    List<KeyCount> casesPerNeed(OffsetDateTime start, OffsetDateTime end);

    /** Per kecamatan; the key is {@code null} for cases outside the regency (kecamatan not set). */
    @SqlQuery("""
            SELECT kecamatan AS key, count(*) AS count
            FROM cases WHERE created_at >= :start AND created_at < :end
            GROUP BY kecamatan
            """)
    @RegisterConstructorMapper(KeyCount.class)
    List<KeyCount> casesPerKecamatan(OffsetDateTime start, OffsetDateTime end);

    @SqlQuery("""
            SELECT count(*) AS cases,
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY first_reply_at - created_at))::float8 AS seconds
            FROM cases WHERE created_at >= :start AND created_at < :end AND first_reply_at IS NOT NULL
            """)
    @RegisterConstructorMapper(MedianRow.class)
    MedianRow medianFirstReply(OffsetDateTime start, OffsetDateTime end);

    @SqlQuery("""
            SELECT count(*) AS cases,
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - created_at))::float8 AS seconds
            FROM cases WHERE created_at >= :start AND created_at < :end AND resolved_at IS NOT NULL
            """)
    @RegisterConstructorMapper(MedianRow.class)
    MedianRow medianResolution(OffsetDateTime start, OffsetDateTime end);

    /** Per star (the key is the rating, 1 to 5). */
    @SqlQuery("""
            SELECT rating::text AS key, count(*) AS count
            FROM cases WHERE created_at >= :start AND created_at < :end AND rating IS NOT NULL
            GROUP BY rating
            """)
    @RegisterConstructorMapper(KeyCount.class)
    List<KeyCount> ratings(OffsetDateTime start, OffsetDateTime end);

    /**
     * A typed question is a text the user typed (not a button, not a command such as {@code /start}); the
     * placeholder stored for a chat without consent still counts, it was still a question.
     */
    @SqlQuery("""
            WITH typed AS (
                SELECT chat_id FROM messages
                WHERE direction = 'in' AND author = 'user' AND kind = 'text' AND ltrim(body) NOT LIKE '/%'
                  AND created_at >= :start AND created_at < :end)
            SELECT (SELECT count(*) FROM typed) AS questions,
                   (SELECT count(DISTINCT chat_id) FROM typed) AS asking_chats,
                   (SELECT count(*) FROM unanswered_questions WHERE created_at >= :start AND created_at < :end) AS unanswered,
                   (SELECT count(*) FROM cases WHERE created_at >= :start AND created_at < :end) AS cases_opened
            """)
    @RegisterConstructorMapper(BotRow.class)
    BotRow bot(OffsetDateTime start, OffsetDateTime end);
}
