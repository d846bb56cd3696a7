package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.accounts.Account;
import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where every staff route ({@code /admin...}, {@code /api/admin...}) is checked: the route must
 * declare its {@link StaffRole}s (a route without one is refused), the caller must be logged in (a session
 * cookie, or an API token for {@code /api/admin}) with an allowed role, and a form post must carry its
 * session's CSRF token. Pages send an unknown visitor to the login page; the API answers 401.
 */
final class StaffGuard implements Routes {
    static final String COOKIE = "klinik_staff";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Accounts accounts;
    private final Pages pages;
    private final boolean trustForwarded;

    StaffGuard(Accounts accounts, Pages pages, boolean trustForwarded) {
        this.accounts = accounts;
        this.pages = pages;
        this.trustForwarded = trustForwarded;
    }

    /** Everything under these is for logged-in staff: the admin pages and the consultants' workspace. */
    private static final java.util.List<String> STAFF_ROOTS = java.util.List.of("/admin", "/api/admin", "/consultant", "/api/consultant");

    static boolean isStaffPath(String path) {
        for (String root : STAFF_ROOTS) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        if (!isStaffPath(ctx.path())) {
            return;
        }
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty()) {
            refuse(ctx, 403, "Maaf, alamat ini belum diberi hak akses, jadi ditolak.");
            return;
        }
        if (declared.contains(StaffRole.ANYONE)) {
            return;
        }
        Optional<StaffContext> staff = isApi(ctx) ? fromToken(ctx).or(() -> fromSession(ctx)) : fromSession(ctx);
        if (staff.isEmpty()) {
            if (isApi(ctx)) {
                refuse(ctx, 401, "Silakan masuk dulu: kirim token API di header Authorization: Bearer ....");
            } else {
                ctx.redirect("/admin/login");
                ctx.skipRemainingHandlers();
            }
            return;
        }
        Account account = staff.get().account();
        if (declared.stream().noneMatch(role -> role instanceof StaffRole staffRole
                && staffRole.accountRole().map(account.role()::equals).orElse(false))) {
            refuse(ctx, 403, "Maaf, akun Bapak/Ibu tidak punya hak untuk membuka halaman ini.");
            return;
        }
        if (ctx.method() != HandlerType.GET && !staff.get().csrfToken().isEmpty() && !validCsrf(ctx, staff.get().csrfToken())) {
            refuse(ctx, 403, "Formulir ini sudah kedaluwarsa atau tidak sah. Silakan muat ulang halaman lalu coba lagi.");
            return;
        }
        staff.get().attachTo(ctx);
    }

    private Optional<StaffContext> fromSession(Context ctx) {
        return accounts.session(ctx.cookie(COOKIE)).map(session -> new StaffContext(session.account(), session.csrfToken()));
    }

    private Optional<StaffContext> fromToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return accounts.byToken(header.substring("Bearer ".length()).strip()).map(account -> new StaffContext(account, ""));
    }

    private static boolean validCsrf(Context ctx, String expected) {
        String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(Context ctx, int status, String message) {
        if (isApi(ctx)) {
            throw new ApiException(status, message);
        }
        ctx.status(status);
        pages.render(ctx, "admin/refused.jte", Map.of("message", message));
        ctx.skipRemainingHandlers();
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
    Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(COOKIE, value, "/", maxAgeSeconds, isHttps(ctx), true, null, SameSite.STRICT);
    }

    boolean isHttps(Context ctx) {
        String forwardedProto = ctx.header("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(ctx.scheme()) || (trustForwarded && "https".equalsIgnoreCase(forwardedProto));
    }
}
