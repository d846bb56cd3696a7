package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.accounts.LoginResult;
import id.klinikumkm.bot.http.ClientAddress;
import id.klinikumkm.bot.http.Routes;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Logging in and out. Attempts are limited per client address (token bucket) and per account (a temporary
 * lock after ten wrong passwords in a row, in {@link Accounts}). The login form has its own CSRF token,
 * double-submitted in a cookie, because there is no session yet.
 */
final class LoginController implements Routes {
    private static final String LOGIN_CSRF_COOKIE = "klinik_login_csrf";
    private static final int ATTEMPTS_PER_ADDRESS_PER_MINUTE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm").withZone(ZoneId.of("Asia/Jakarta"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final Pages pages;
    private final StaffGuard guard;
    private final boolean trustForwarded;
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    LoginController(Accounts accounts, Pages pages, StaffGuard guard, boolean trustForwarded) {
        this.accounts = accounts;
        this.pages = pages;
        this.guard = guard;
        this.trustForwarded = trustForwarded;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/login", this::form, StaffRole.ANYONE);
        routes.post("/admin/login", this::login, StaffRole.ANYONE);
        routes.post("/admin/logout", this::logout, StaffRole.ADMIN, StaffRole.CONSULTANT);
    }

    private void form(Context ctx) {
        showForm(ctx, 200, "", "");
    }

    private void showForm(Context ctx, int status, String username, String error) {
        String csrf = randomToken();
        ctx.cookie(new Cookie(LOGIN_CSRF_COOKIE, csrf, "/admin/login", 3600, guard.isHttps(ctx), true, null, SameSite.STRICT));
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", csrf);
        params.put("username", username);
        params.put("error", error);
        ctx.status(status);
        pages.render(ctx, "admin/login.jte", params);
    }

    private void login(Context ctx) {
        String username = ctx.formParam("username") == null ? "" : ctx.formParam("username").strip();
        if (!sameToken(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam(StaffGuard.CSRF_FIELD))) {
            showForm(ctx, 403, username, "Formulir sudah kedaluwarsa. Silakan coba masuk lagi.");
            return;
        }
        if (!addresses.get(ClientAddress.of(ctx, trustForwarded), key -> bucket()).tryConsume(1)) {
            showForm(ctx, 429, username, "Terlalu banyak percobaan masuk dari alamat ini. Silakan tunggu satu menit.");
            return;
        }
        LoginResult result = accounts.login(username, ctx.formParam("password"));
        switch (result.outcome()) {
            case OK -> {
                Accounts.NewSession session = accounts.openSession(result.account().orElseThrow());
                ctx.cookie(guard.sessionCookie(ctx, session.cookieValue(), -1));
                ctx.redirect("/admin");
            }
            case LOCKED -> showForm(ctx, 423, username, "Akun ini dikunci sementara karena terlalu banyak kata sandi yang salah. "
                    + "Silakan coba lagi setelah pukul " + TIME.format(result.lockedUntil().orElseThrow()) + " WIB.");
            case DISABLED -> showForm(ctx, 403, username, "Akun ini sudah dinonaktifkan. Hubungi admin klinik.");
            default -> showForm(ctx, 401, username, "Nama pengguna atau kata sandi salah.");
        }
    }

    private void logout(Context ctx) {
        accounts.closeSession(ctx.cookie(StaffGuard.COOKIE));
        ctx.cookie(guard.sessionCookie(ctx, "", 0));
        ctx.redirect("/admin/login");
    }


    private static Bucket bucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(ATTEMPTS_PER_ADDRESS_PER_MINUTE)
                .refillGreedy(ATTEMPTS_PER_ADDRESS_PER_MINUTE, Duration.ofMinutes(1)).build()).build();
    }

    private static boolean sameToken(String a, String b) {
        return a != null && b != null && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
