package id.klinikumkm.bot.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts: creating, logging in (with a temporary lock after {@link #LOCK_AFTER} wrong passwords in a
 * row), password resets, disabling, sessions and API tokens. Every change is audited, never with a password.
 */
public final class Accounts {
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    public static final int MIN_PASSWORD = 10;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** Compared against when the user does not exist, so timing does not reveal which names exist. */
    private static final String DUMMY_HASH = new BCryptPasswordEncoder().encode("klinik-no-such-user");

    private final AccountDao dao;
    private final ObjectMapper json;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();

    public Accounts(AccountDao dao, ObjectMapper json) {
        this.dao = dao;
        this.json = json;
    }

    /** A live browser session: the cookie value to set, and the token every form must carry. */
    public record NewSession(String cookieValue, String csrfToken) {}

    /** The account behind a live session, and the session's CSRF token. */
    public record Session(Account account, String csrfToken) {}

    /**
     * Creates the first admin ({@code admin}) when there is no account at all: with the configured password, or a
     * random one printed once to the log.
     */
    public void ensureFirstAdmin(String configuredPassword) {
        if (dao.count() > 0) {
            return;
        }
        boolean random = configuredPassword.isEmpty();
        String password = random ? Secrets.password() : configuredPassword;
        if (create("admin", "Admin", Role.ADMIN, password, "system").isPresent() && random) {
            LOG.warn("First admin account created: username 'admin', password '{}'. It is shown only now: log in at /admin/login"
                    + " and keep it safe, or set KLINIK_ADMIN_PASSWORD before the first start.", password);
        }
    }

    /** @return the new account, or empty when the name is taken */
    public Optional<Account> create(String username, String displayName, Role role, String password, String actor) {
        requireValid(username, password);
        Optional<Long> id = dao.insert(username, displayName.isBlank() ? username : displayName.strip(), role.id(),
                passwords.encode(password));
        id.ifPresent(created -> audit(actor, "account.created", username,
                Map.of("after", Map.of("username", username, "role", role.id()))));
        return id.map(created -> new Account(created, username, displayName, role, false));
    }

    /** Sets a new random password and ends the account's sessions; returns the password to hand over. */
    public String resetPassword(String username, String actor) {
        AccountRow row = dao.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        String password = Secrets.password();
        dao.setPassword(row.id(), passwords.encode(password));
        dao.closeSessionsOf(row.id());
        audit(actor, "account.password.reset", username, Map.of());
        return password;
    }

    public boolean disable(String username, String actor) {
        AccountRow row = dao.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        boolean changed = dao.disable(row.id());
        dao.closeSessionsOf(row.id());
        if (changed) {
            audit(actor, "account.disabled", username, Map.of("before", Map.of("disabled", false), "after", Map.of("disabled", true)));
        }
        return changed;
    }

    public LoginResult login(String username, String password) {
        Optional<AccountRow> found = dao.byUsername(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            passwords.matches(password, DUMMY_HASH);
            return LoginResult.of(LoginResult.Outcome.WRONG);
        }
        AccountRow row = found.get();
        if (row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(Instant.now())) {
            return LoginResult.locked(row.lockedUntil().toInstant());
        }
        if (!passwords.matches(password == null ? "" : password, row.passwordHash())) {
            int failures = dao.failedLogin(row.id(), LOCK_AFTER, LOCK_FOR.toSeconds());
            if (failures >= LOCK_AFTER) {
                audit("system", "account.locked", row.username(), Map.of("failedLogins", failures));
                return LoginResult.locked(Instant.now().plus(LOCK_FOR));
            }
            return LoginResult.of(LoginResult.Outcome.WRONG);
        }
        if (row.disabledAt() != null) {
            return LoginResult.of(LoginResult.Outcome.DISABLED);
        }
        dao.succeededLogin(row.id());
        return LoginResult.ok(row.account());
    }

    public NewSession openSession(Account account) {
        String cookie = Secrets.token();
        String csrf = Secrets.token();
        dao.openSession(Secrets.hash(cookie), account.id(), csrf, SESSION_LIFETIME.toSeconds());
        return new NewSession(cookie, csrf);
    }

    public Optional<Session> session(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        return dao.touchSession(Secrets.hash(cookieValue), SESSION_LIFETIME.toSeconds())
                .map(row -> new Session(row.account(), row.csrfToken()));
    }

    public void closeSession(String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty()) {
            dao.closeSession(Secrets.hash(cookieValue));
        }
    }

    /** A new API token for the account; only its hash is stored, so this is the one time it can be read. */
    public String createToken(String username, String name, String actor) {
        AccountRow row = dao.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        String token = Secrets.token();
        dao.insertToken(row.id(), name, Secrets.hash(token));
        audit(actor, "account.token.created", username, Map.of("after", Map.of("token", name)));
        return token;
    }

    public Optional<Account> byToken(String token) {
        return token == null || token.isEmpty() ? Optional.empty() : dao.useToken(Secrets.hash(token)).map(AccountRow::account);
    }

    public boolean revokeToken(String username, String name, String actor) {
        AccountRow row = dao.byUsername(username).orElseThrow(() -> new IllegalArgumentException("no account " + username));
        boolean revoked = dao.revokeToken(row.id(), name) > 0;
        if (revoked) {
            audit(actor, "account.token.revoked", username, Map.of("after", Map.of("token", name)));
        }
        return revoked;
    }

    private static void requireValid(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 2-32 of a-z 0-9 . _ - (lower case)");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        }
    }

    private void audit(String actor, String action, String subject, Map<String, ?> details) {
        try {
            dao.audit("system".equals(actor) ? "system" : "admin", actor, action, "account:" + subject, json.writeValueAsString(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The specialties a consultant is routed cases for (legal, packaging, halal, other). */
    public static final java.util.Set<String> SPECIALTIES = java.util.Set.of("legal", "packaging", "halal", "other");

    /**
     * Sets what routing needs to know about a consultant.
     *
     * @throws IllegalArgumentException for an unknown specialty, a limit outside 1..500 or no such consultant
     */
    public void saveConsultantProfile(String username, java.util.List<String> specialties, int maxOpen, boolean active) {
        if (specialties.isEmpty() || !SPECIALTIES.containsAll(specialties)) {
            throw new IllegalArgumentException("specialties must be some of " + new java.util.TreeSet<>(SPECIALTIES));
        }
        if (maxOpen < 1 || maxOpen > 500) {
            throw new IllegalArgumentException("the most open cases must be from 1 to 500");
        }
        if (dao.saveConsultantProfile(username, specialties.toArray(String[]::new), maxOpen, active) != 1) {
            throw new IllegalArgumentException("no consultant account " + username);
        }
    }
}
