package id.klinikumkm.bot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.accounts.AccountDao;
import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.storage.Database;
import java.util.Map;

/** Staff accounts made directly in a test database, as the {@code user} command would. */
public final class TestStaff {
    public static final String PASSWORD = "kata-sandi-uji-123";

    private TestStaff() {}

    /** Creates the account (if it does not exist) with {@link #PASSWORD}. */
    public static void account(String databaseUrl, String username, Role role) {
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", databaseUrl), Map.of()).db())) {
            new Accounts(database.jdbi().onDemand(AccountDao.class), new ObjectMapper())
                    .create(username, username, role, PASSWORD, "test");
        }
    }

    /** A new API token of a new or existing account. */
    public static String token(String databaseUrl, String username, Role role) {
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", databaseUrl), Map.of()).db())) {
            Accounts accounts = new Accounts(database.jdbi().onDemand(AccountDao.class), new ObjectMapper());
            accounts.create(username, username, role, PASSWORD, "test");
            return accounts.createToken(username, "test-" + System.nanoTime(), "test");
        }
    }

    /** A consultant routed cases of {@code specialties}, with a display name, and a new API token for them. */
    public static String consultant(String databaseUrl, String username, String displayName, String... specialties) {
        String token = token(databaseUrl, username, Role.CONSULTANT);
        Sql.execute(databaseUrl, "UPDATE accounts SET display_name = '" + displayName.replace("'", "''") + "' WHERE username = '" + username + "'");
        try (Database database = Database.open(ConfigLoader.load(Map.of("db.url", databaseUrl), Map.of()).db())) {
            new Accounts(database.jdbi().onDemand(AccountDao.class), new ObjectMapper())
                    .saveConsultantProfile(username, java.util.List.of(specialties), 10, true);
        }
        return token;
    }
}
