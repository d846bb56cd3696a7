package id.klinikumkm.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.accounts.Account;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.cases.AttachmentSource;
import id.klinikumkm.bot.cases.CaseDetail;
import id.klinikumkm.bot.cases.CaseWork;
import id.klinikumkm.bot.cases.ConsultantDesk;
import id.klinikumkm.bot.cases.Staff;
import id.klinikumkm.bot.cases.TranscriptLine;
import id.klinikumkm.bot.cases.WorkspaceDao;
import id.klinikumkm.bot.conversation.TextCleaner;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.JsonBody;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consultants' workspace ({@code /consultant}): my cases, the shared queue, and one case with its intake,
 * transcript, events and notes, where a consultant claims, replies, changes the status and writes notes. Thin:
 * the actions are {@link CaseWork}'s. The JSON routes serve the page's refresh and scripted clients.
 */
final class WorkspaceController implements Routes {
    private static final int MAX_NOTE_CHARS = 4000;
    private final CaseWork work;
    private final WorkspaceDao cases;
    private final ConsultantDesk desk;
    private final AttachmentSource files;
    private final Duration unclaimedAfter;
    private final ObjectMapper json;
    private final Pages pages;

    /** @param unclaimedAfter a case untaken for this long is marked late in the lists */
    WorkspaceController(CaseWork work, WorkspaceDao cases, ConsultantDesk desk, AttachmentSource files,
                        Duration unclaimedAfter, ObjectMapper json, Pages pages) {
        this.unclaimedAfter = unclaimedAfter;
        this.work = work;
        this.cases = cases;
        this.desk = desk;
        this.files = files;
        this.json = json;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        StaffRole[] staff = {StaffRole.CONSULTANT, StaffRole.ADMIN};
        routes.get("/consultant", ctx -> home(ctx, null), staff);
        routes.post("/consultant/telegram", ctx -> home(ctx, desk.newLinkCode(StaffContext.of(ctx).account().id())), staff);
        routes.post("/api/consultant/telegram/code",
                ctx -> ctx.json(Map.of("code", desk.newLinkCode(StaffContext.of(ctx).account().id()))), staff);
        routes.get("/consultant/cases/{number}", ctx -> page(ctx, () -> showCase(ctx, Optional.empty(), 200)), staff);
        routes.post("/consultant/cases/{number}/ambil", ctx -> page(ctx, () -> acted(ctx, work.claim(staff(ctx), number(ctx)))), staff);
        routes.post("/consultant/cases/{number}/balas",
                ctx -> page(ctx, () -> acted(ctx, work.reply(staff(ctx), number(ctx), ctx.formParam("text")))), staff);
        routes.post("/consultant/cases/{number}/status",
                ctx -> page(ctx, () -> acted(ctx, work.setStatus(staff(ctx), number(ctx), param(ctx, "status")))), staff);
        routes.post("/consultant/cases/{number}/catatan", ctx -> page(ctx, () -> note(ctx)), staff);
        routes.post("/consultant/cases/{number}/alihkan",
                ctx -> page(ctx, () -> acted(ctx, work.reassign(staff(ctx), number(ctx), param(ctx, "consultant")))), StaffRole.ADMIN);
        routes.get("/api/consultant/cases/{number}/messages", this::messagesJson, staff);
        routes.get("/api/consultant/cases/{number}/files/{message}", this::file, staff);
        routes.post("/api/consultant/cases/{number}/claim", ctx -> json(ctx, work.claim(staff(ctx), number(ctx))), staff);
        routes.post("/api/consultant/cases/{number}/reply",
                ctx -> json(ctx, work.reply(staff(ctx), number(ctx), JsonBody.string(JsonBody.object(json, ctx.body()), "text"))), staff);
        routes.post("/api/consultant/cases/{number}/reassign",
                ctx -> json(ctx, work.reassign(staff(ctx), number(ctx), JsonBody.string(JsonBody.object(json, ctx.body()), "consultant"))),
                StaffRole.ADMIN);
        routes.post("/api/consultant/cases/{number}/status",
                ctx -> json(ctx, work.setStatus(staff(ctx), number(ctx), JsonBody.string(JsonBody.object(json, ctx.body()), "status"))), staff);
    }

    /** A page whose case is missing or someone else's gets the refusal page, not the API's JSON error. */
    private void page(Context ctx, Runnable render) {
        try {
            render.run();
        } catch (ApiException e) {
            ctx.status(e.status());
            pages.render(ctx, "admin/refused.jte", Map.of("message", e.getMessage()));
        }
    }

    /** @param linkCode a new one-time code for /hubungkan, shown once; null when none was asked for */
    private void home(Context ctx, String linkCode) {
        StaffContext staff = StaffContext.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("staff", staff);
        params.put("linkCode", linkCode);
        params.put("lateBefore", OffsetDateTime.now().minus(unclaimedAfter));
        params.put("mine", cases.assignedTo(staff.account().id()));
        params.put("queue", cases.queue());
        params.put("open", isAdmin(staff.account()) ? cases.allOpen() : List.of());
        pages.render(ctx, "admin/workspace.jte", params);
    }

    private void showCase(Context ctx, Optional<CaseWork.Result> result, int status) {
        StaffContext staff = StaffContext.of(ctx);
        CaseDetail detail = visibleCase(ctx, staff.account());
        Map<String, Object> params = new HashMap<>();
        params.put("staff", staff);
        params.put("item", detail);
        params.put("result", result.orElse(null));
        params.put("transcript", cases.transcript(detail.id(), 0));
        params.put("events", cases.events(detail.id()));
        params.put("notes", cases.notes(detail.id()));
        params.put("mine", isAdmin(staff.account()) || Long.valueOf(staff.account().id()).equals(detail.assignedTo()));
        params.put("consultants", isAdmin(staff.account()) ? cases.consultants() : List.of());
        ctx.status(status);
        pages.render(ctx, "admin/workspace_case.jte", params);
    }

    private void acted(Context ctx, CaseWork.Result result) {
        showCase(ctx, Optional.of(result), result.done() ? 200 : 409);
    }

    private void note(Context ctx) {
        StaffContext staff = StaffContext.of(ctx);
        CaseDetail detail = visibleCase(ctx, staff.account());
        String text = TextCleaner.clean(Optional.ofNullable(ctx.formParam("text")).orElse("")).strip();
        if (text.isEmpty() || text.length() > MAX_NOTE_CHARS) {
            showCase(ctx, Optional.of(new CaseWork.Result(false, "Catatan harus berisi 1 sampai " + MAX_NOTE_CHARS + " karakter.")), 400);
            return;
        }
        cases.addNote(detail.id(), staff.account().id(), text);
        cases.noteEvent(detail.id(), isAdmin(staff.account()) ? "admin" : "consultant", staff.account().id());
        showCase(ctx, Optional.of(new CaseWork.Result(true, "Catatan disimpan.")), 200);
    }

    /** New messages for the page's refresh: {"messages": [{"id", "from", "text", "at"}]}. */
    private void messagesJson(Context ctx) {
        CaseDetail detail = visibleCase(ctx, StaffContext.of(ctx).account());
        long after = Optional.ofNullable(ctx.queryParam("after")).filter(v -> v.matches("[0-9]{1,18}")).map(Long::parseLong).orElse(0L);
        List<Map<String, Object>> messages = cases.transcript(detail.id(), after).stream().map(WorkspaceController::line).toList();
        ctx.header("Cache-Control", "no-store").json(Map.of("messages", messages));
    }

    private static Map<String, Object> line(TranscriptLine line) {
        String from = line.direction().equals("in") ? "user" : line.author();
        return Map.of("id", line.id(), "from", from, "text", line.body(), "at", CaseLabels.time(line.createdAt()),
                "file", line.hasFile());
    }

    /** A photo or document the user sent, fetched from the channel; served as a download, never rendered by us. */
    private void file(Context ctx) {
        CaseDetail detail = visibleCase(ctx, StaffContext.of(ctx).account());
        long message = Optional.ofNullable(ctx.pathParam("message")).filter(v -> v.matches("[0-9]{1,18}")).map(Long::parseLong)
                .orElseThrow(() -> new ApiException(404, "Berkas itu tidak ditemukan."));
        String fileId = cases.fileOf(detail.id(), message).orElseThrow(() -> new ApiException(404, "Berkas itu tidak ditemukan."));
        byte[] bytes = files.fetch(fileId).orElseThrow(() -> new ApiException(502,
                "Berkas belum bisa diambil dari Telegram. Silakan coba lagi sebentar lagi."));
        ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"berkas-" + detail.number() + "-" + message + "\"")
                .contentType("application/octet-stream").result(bytes);
    }

    private static void json(Context ctx, CaseWork.Result result) {
        ctx.status(result.done() ? 200 : 409).json(Map.of("done", result.done(), "message", result.message()));
    }

    /** The case, if this staff member may see it: theirs, waiting in the queue, or any for an admin. */
    private CaseDetail visibleCase(Context ctx, Account account) {
        CaseDetail detail = cases.detail(number(ctx)).orElseThrow(() -> new ApiException(404, "Kasus itu tidak ditemukan."));
        boolean queued = detail.status().equals("new") && detail.assignedTo() == null;
        if (isAdmin(account) || queued || Long.valueOf(account.id()).equals(detail.assignedTo())) {
            return detail;
        }
        throw new ApiException(403, "Kasus ini ditangani oleh " + (detail.holder() == null ? "petugas lain" : detail.holder()) + ".");
    }

    private static Staff staff(Context ctx) {
        Account account = StaffContext.of(ctx).account();
        return new Staff(account.id(), account.displayName(), isAdmin(account));
    }

    private static boolean isAdmin(Account account) {
        return account.role() == Role.ADMIN;
    }

    private static String number(Context ctx) {
        String number = ctx.pathParam("number");
        if (!number.matches("KUM-[0-9]{4}-[0-9]{5,7}")) {
            throw new ApiException(404, "Kasus itu tidak ditemukan.");
        }
        return number;
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
