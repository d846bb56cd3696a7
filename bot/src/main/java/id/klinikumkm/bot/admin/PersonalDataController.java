package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.privacy.PersonalDataRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Data pribadi" for admins: find a person's chats by case number or phone number, download everything stored
 * about one as JSON, or erase it as {@code /hapus} does. Every request is a POST (the guard checks its CSRF
 * token), so a phone number never appears in an address or a log of addresses.
 */
final class PersonalDataController implements Routes {
    private final PersonalDataRequests requests;
    private final Pages pages;

    PersonalDataController(PersonalDataRequests requests, Pages pages) {
        this.requests = requests;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/data-pribadi", ctx -> render(ctx, new PersonalDataRequests.Search("", List.of(), ""), ""), StaffRole.ADMIN);
        routes.post("/admin/data-pribadi", ctx -> render(ctx, requests.find(ctx.formParam("cari")), ""), StaffRole.ADMIN);
        routes.post("/admin/data-pribadi/{chat}/ekspor", this::export, StaffRole.ADMIN);
        routes.post("/admin/data-pribadi/{chat}/hapus", this::erase, StaffRole.ADMIN);
    }

    private void export(Context ctx) {
        Optional<Long> chat = chatId(ctx);
        Optional<String> exported = chat.flatMap(id -> requests.export(id, StaffContext.of(ctx).account().username()));
        if (exported.isEmpty()) {
            ctx.status(404);
            render(ctx, requests.find(ctx.formParam("cari")), "Percakapan itu tidak ditemukan.");
            return;
        }
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"data-pribadi-percakapan-" + chat.get() + ".json\"")
                .contentType("application/json; charset=utf-8")
                .result(exported.get().getBytes(StandardCharsets.UTF_8));
    }

    private void erase(Context ctx) {
        Optional<Long> chat = chatId(ctx);
        String message;
        if (!"ya".equals(ctx.formParam("yakin"))) {
            ctx.status(400);
            message = "Centang \"Saya yakin\" dulu untuk menghapus data.";
        } else if (chat.isEmpty() || !requests.erase(chat.get(), StaffContext.of(ctx).account().username())) {
            ctx.status(404);
            message = "Percakapan itu tidak ditemukan.";
        } else {
            message = "Data pribadi percakapan " + chat.get() + " sudah dihapus. Nomor kasus, status, kecamatan dan nilai tetap untuk laporan.";
        }
        render(ctx, requests.find(ctx.formParam("cari")), message);
    }

    private static Optional<Long> chatId(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("chat")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void render(Context ctx, PersonalDataRequests.Search search, String notice) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("search", search);
        params.put("notice", notice);
        pages.render(ctx, "admin/personal_data.jte", params);
    }
}
