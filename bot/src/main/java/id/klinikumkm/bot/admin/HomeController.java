package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** The staff start page: who is logged in and where to go. */
final class HomeController implements Routes {
    private final Pages pages;

    HomeController(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> pages.render(ctx, "admin/home.jte", Map.of("staff", StaffContext.of(ctx))),
                StaffRole.ADMIN, StaffRole.CONSULTANT);
    }
}
