package id.klinikumkm.bot.cases;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Consultants in Telegram: the one-time link code, the linked chat, and what a new case's notice says. */
public interface DeskDao {

    @SqlUpdate("""
            INSERT INTO consultant_profiles (account_id, link_code_hash, link_code_expires) VALUES (:accountId, :hash, :expires)
            ON CONFLICT (account_id) DO UPDATE SET link_code_hash = excluded.link_code_hash,
                link_code_expires = excluded.link_code_expires, updated_at = now()
            """)
    void saveLinkCode(long accountId, String hash, OffsetDateTime expires);

    /** Links the chat to the account whose unexpired code this is; the code works once. */
    @SqlQuery("""
            UPDATE consultant_profiles p SET telegram_chat_id = :chatId, link_code_hash = NULL, link_code_expires = NULL,
                   updated_at = now()
            FROM accounts a
            WHERE a.id = p.account_id AND p.link_code_hash = :hash AND p.link_code_expires > now() AND a.disabled_at IS NULL
            RETURNING a.display_name
            """)
    Optional<String> link(String hash, String chatId);

    @SqlQuery("""
            SELECT a.id AS account_id, a.display_name, a.role = 'admin' AS admin
            FROM consultant_profiles p JOIN accounts a ON a.id = p.account_id
            WHERE p.telegram_chat_id = :chatId AND a.disabled_at IS NULL
            """)
    @RegisterConstructorMapper(Staff.class)
    Optional<Staff> staffInChat(String chatId);

    @SqlQuery("SELECT telegram_chat_id FROM consultant_profiles WHERE account_id = :accountId AND telegram_chat_id IS NOT NULL")
    Optional<String> telegramChatOf(long accountId);

    /** What a consultant is told about a new case: no phone number, never the description. */
    @SqlQuery("""
            SELECT k.number, k.assigned_to, array_to_string(k.needs, ',') AS needs,
                   coalesce(k.kecamatan, 'Di luar Kab. Probolinggo') AS place, k.product
            FROM cases k WHERE k.number = :number
            """)
    @RegisterConstructorMapper(Notice.class)
    Optional<Notice> notice(String number);

    /** The short summary of a case for a Telegram notice. */
    record Notice(String number, Long assignedTo, String needs, String place, String product) {}

    /** The Telegram chats of linked admins, who are told about cases nobody took. */
    @SqlQuery("""
            SELECT p.telegram_chat_id FROM consultant_profiles p JOIN accounts a ON a.id = p.account_id
            WHERE a.role = 'admin' AND a.disabled_at IS NULL AND p.telegram_chat_id IS NOT NULL
            """)
    java.util.List<String> adminChats();

    /**
     * Takes up to {@code limit} cases nobody claimed for {@code minutes} that were not reported yet, marking them
     * reported; several instances never report the same case twice.
     */
    @SqlQuery("""
            UPDATE cases k SET unclaimed_reported_at = now()
            WHERE k.id IN (SELECT id FROM cases WHERE status IN ('new', 'assigned') AND unclaimed_reported_at IS NULL
                             AND created_at < now() - make_interval(mins => :minutes)
                           ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING k.number, k.assigned_to, array_to_string(k.needs, ',') AS needs,
                      coalesce(k.kecamatan, 'Di luar Kab. Probolinggo') AS place, k.product
            """)
    @RegisterConstructorMapper(Notice.class)
    java.util.List<Notice> takeUnclaimed(int minutes, int limit);
}
