package id.klinikumkm.bot.accounts;

import java.time.OffsetDateTime;

/** A row of the accounts table. */
record AccountRow(long id, String username, String displayName, String role, String passwordHash, int failedLogins,
                  OffsetDateTime lockedUntil, OffsetDateTime disabledAt) {
    Account account() {
        return new Account(id, username, displayName, Role.of(role), disabledAt != null);
    }
}
