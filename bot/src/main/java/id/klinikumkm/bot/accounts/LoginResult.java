package id.klinikumkm.bot.accounts;

import java.time.Instant;
import java.util.Optional;

/** How a login attempt ended; only {@link Outcome#OK} carries the account. */
public record LoginResult(Outcome outcome, Optional<Account> account, Optional<Instant> lockedUntil) {
    public enum Outcome { OK, WRONG, LOCKED, DISABLED }

    static LoginResult ok(Account account) {
        return new LoginResult(Outcome.OK, Optional.of(account), Optional.empty());
    }

    static LoginResult of(Outcome outcome) {
        return new LoginResult(outcome, Optional.empty(), Optional.empty());
    }

    static LoginResult locked(Instant until) {
        return new LoginResult(Outcome.LOCKED, Optional.empty(), Optional.of(until));
    }
}
