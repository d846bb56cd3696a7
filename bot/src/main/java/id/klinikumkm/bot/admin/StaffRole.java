package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.accounts.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/** What a staff route requires; every {@code /admin} and {@code /api/admin} route declares one or more. */
public enum StaffRole implements RouteRole {
    /** No login needed (the login page itself). */
    ANYONE(null),
    ADMIN(Role.ADMIN),
    CONSULTANT(Role.CONSULTANT);

    private final Role role;

    StaffRole(Role role) {
        this.role = role;
    }

    Optional<Role> accountRole() {
        return Optional.ofNullable(role);
    }
}
