package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.accounts.Account;
import io.javalin.http.Context;

/** Who is logged in for this request, as the guard found it; the CSRF token is empty for API-token calls. */
public record StaffContext(Account account, String csrfToken) {
    private static final String ATTRIBUTE = "klinik.staff";

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    static StaffContext of(Context ctx) {
        StaffContext staff = ctx.attribute(ATTRIBUTE);
        if (staff == null) {
            throw new IllegalStateException("no staff context: the route was not guarded");
        }
        return staff;
    }
}
