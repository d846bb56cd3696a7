package id.klinikumkm.bot.storage;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Small named values of service state (never secrets in clear). */
public interface SettingsDao {
    @SqlQuery("SELECT value FROM settings WHERE key = :key")
    Optional<String> get(String key);

    @SqlUpdate("""
            INSERT INTO settings (key, value) VALUES (:key, :value)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
            """)
    void put(String key, String value);
}
