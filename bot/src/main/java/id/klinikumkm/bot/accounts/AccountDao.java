package id.klinikumkm.bot.accounts;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The accounts aggregate: accounts, their sessions and API tokens, and the audit of changes to them. */
@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {
    String COLUMNS = "a.id, a.username, a.display_name, a.role, a.password_hash, a.failed_logins, a.locked_until, a.disabled_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts a WHERE a.username = :username")
    Optional<AccountRow> byUsername(String username);

    @SqlQuery("SELECT count(*) FROM accounts")
    long count();

    @SqlUpdate("""
            INSERT INTO accounts (username, display_name, role, password_hash) VALUES (:username, :displayName, :role, :hash)
            ON CONFLICT (username) DO NOTHING
            """)
    @GetGeneratedKeys("id")
    Optional<Long> insert(String username, String displayName, String role, String hash);

    @SqlUpdate("UPDATE accounts SET password_hash = :hash, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = :id")
    void setPassword(long id, String hash);

    @SqlUpdate("UPDATE accounts SET disabled_at = now(), updated_at = now() WHERE id = :id AND disabled_at IS NULL")
    boolean disable(long id);

    /** Counts a wrong password; the {@code lockAfter}-th in a row locks the account for {@code lockSeconds}. */
    @SqlQuery("""
            UPDATE accounts SET failed_logins = failed_logins + 1,
                   locked_until = CASE WHEN failed_logins + 1 >= :lockAfter
                                       THEN now() + make_interval(secs => :lockSeconds) ELSE locked_until END
            WHERE id = :id RETURNING failed_logins
            """)
    int failedLogin(long id, int lockAfter, double lockSeconds);

    @SqlUpdate("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = :id")
    void succeededLogin(long id);

    @SqlUpdate("""
            INSERT INTO staff_sessions (token_hash, account_id, csrf_token, expires_at)
            VALUES (:tokenHash, :accountId, :csrf, now() + make_interval(secs => :lifetimeSeconds))
            """)
    void openSession(String tokenHash, long accountId, String csrf, double lifetimeSeconds);

    /** The live session's account and CSRF token; extends the session (sliding expiry). */
    @SqlQuery("""
            UPDATE staff_sessions s SET last_seen_at = now(), expires_at = now() + make_interval(secs => :lifetimeSeconds)
            FROM accounts a
            WHERE s.token_hash = :tokenHash AND a.id = s.account_id AND s.expires_at > now() AND a.disabled_at IS NULL
            RETURNING\s""" + COLUMNS + ", s.csrf_token")
    @RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> touchSession(String tokenHash, double lifetimeSeconds);

    @SqlUpdate("DELETE FROM staff_sessions WHERE token_hash = :tokenHash")
    void closeSession(String tokenHash);

    @SqlUpdate("DELETE FROM staff_sessions WHERE account_id = :accountId")
    void closeSessionsOf(long accountId);

    @SqlUpdate("INSERT INTO api_tokens (account_id, name, token_hash) VALUES (:accountId, :name, :tokenHash)")
    void insertToken(long accountId, String name, String tokenHash);

    @SqlQuery("""
            UPDATE api_tokens t SET last_used_at = now() FROM accounts a
            WHERE t.token_hash = :tokenHash AND t.revoked_at IS NULL AND a.id = t.account_id AND a.disabled_at IS NULL
            RETURNING\s""" + COLUMNS)
    Optional<AccountRow> useToken(String tokenHash);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = now() WHERE account_id = :accountId AND name = :name AND revoked_at IS NULL")
    int revokeToken(long accountId, String name);

    @SqlUpdate("""
            INSERT INTO audit_log (actor_kind, actor, action, subject, details)
            VALUES (:actorKind, :actor, :action, :subject, CAST(:details AS jsonb))
            """)
    void audit(String actorKind, String actor, String action, String subject, String details);

    /** An account row with its session's CSRF token. */
    record SessionRow(long id, String username, String displayName, String role, String passwordHash, int failedLogins,
                      OffsetDateTime lockedUntil, OffsetDateTime disabledAt, String csrfToken) {
        Account account() {
            return new Account(id, username, displayName, Role.of(role), disabledAt != null);
        }
    }

    /** Makes a consultant account routable: specialties, how many open cases at once, whether taking cases now. */
    @SqlUpdate("""
            INSERT INTO consultant_profiles (account_id, specialties, max_open_cases, active)
            SELECT id, CAST(:specialties AS text[]), :maxOpen, :active FROM accounts
            WHERE username = :username AND role = 'consultant'
            ON CONFLICT (account_id) DO UPDATE SET specialties = excluded.specialties,
                max_open_cases = excluded.max_open_cases, active = excluded.active, updated_at = now()
            """)
    int saveConsultantProfile(@org.jdbi.v3.sqlobject.customizer.Bind("username") String username,
                              @org.jdbi.v3.sqlobject.customizer.Bind("specialties") String[] specialties,
                              @org.jdbi.v3.sqlobject.customizer.Bind("maxOpen") int maxOpen,
                              @org.jdbi.v3.sqlobject.customizer.Bind("active") boolean active);
}
