package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqAdminException;
import id.klinikumkm.bot.faq.FaqEntry;
import id.klinikumkm.bot.faq.FaqFilter;
import id.klinikumkm.bot.faq.FaqPreview;
import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.nlu.TrainingExamples;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FAQ for admins: the list with search and filters, the edit form with a preview of how the answer looks
 * in Telegram (live as the admin types, through {@code /assets/admin.js}), revisions with a diff and restore,
 * publishing. Every change goes through {@link FaqAdmin}, which versions, audits and refreshes the answers.
 */
final class FaqController implements Routes {
    /** An entry is stale when its facts were last reviewed longer ago than this. */
    static final int STALE_AFTER_DAYS = 180;
    /** Often unhelpful: at least this many votes on the current version, and at least this share of them 👎. */
    static final int UNHELPFUL_MIN_VOTES = 5;
    static final double UNHELPFUL_MIN_SHARE = 0.4;

    private final FaqAdmin faq;
    private final FaqPreview preview;
    private final TrainingExamples examples;
    private final Pages pages;

    FaqController(FaqAdmin faq, FaqPreview preview, TrainingExamples examples, Pages pages) {
        this.faq = faq;
        this.preview = preview;
        this.examples = examples;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/faq", this::list, StaffRole.ADMIN);
        // Before /admin/faq/{key}: "baru" would also read as a key.
        routes.get("/admin/faq/baru", ctx -> showNew(ctx, 200, "", "", FaqForm.empty(), "", "", Map.of()), StaffRole.ADMIN);
        routes.post("/admin/faq/baru", this::create, StaffRole.ADMIN);
        routes.get("/admin/faq/{key}", this::edit, StaffRole.ADMIN);
        routes.post("/admin/faq/{key}", this::save, StaffRole.ADMIN);
        routes.post("/admin/faq/{key}/pratinjau", this::previewJson, StaffRole.ADMIN);
        routes.get("/admin/faq/{key}/riwayat", this::history, StaffRole.ADMIN);
        routes.post("/admin/faq/{key}/pulihkan", this::restore, StaffRole.ADMIN);
        // Refused FAQ changes, from the pages and from the JSON API alike.
        routes.exception(FaqAdminException.class, (e, ctx) -> {
            ctx.status(switch (e.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case INVALID -> 400;
            });
            if (ctx.path().startsWith("/api/")) {
                ctx.json(Map.of("error", e.getMessage(), "fields", e.fieldErrors()));
            } else {
                pages.render(ctx, "admin/refused.jte", Map.of("message", e.getMessage()));
            }
        });
    }

    private void list(Context ctx) {
        String show = ctx.queryParam("tampil") == null ? "" : ctx.queryParam("tampil");
        String search = ctx.queryParam("cari") == null ? "" : ctx.queryParam("cari");
        FaqFilter filter = filter(search, show);
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("items", faq.list(filter));
        params.put("search", search);
        params.put("show", show);
        params.put("staleDays", STALE_AFTER_DAYS);
        pages.render(ctx, "admin/faq_list.jte", params);
    }

    private void edit(Context ctx) {
        FaqEntry entry = faq.entry(ctx.pathParam("key"));
        FaqForm form = FaqForm.of(id.klinikumkm.bot.faq.FaqDraft.of(entry));
        showForm(ctx, 200, entry, form, entry.version(), ctx.queryParam("tersimpan") != null ? "Perubahan tersimpan." : "", "", Map.of());
    }

    private void save(Context ctx) {
        String key = ctx.pathParam("key");
        FaqForm form = FaqForm.posted(ctx);
        int basedOn = version(ctx.formParam("version"));
        try {
            faq.save(key, basedOn, form.draft(), StaffContext.of(ctx).account().username());
            ctx.redirect("/admin/faq/" + key + "?tersimpan=1");
        } catch (FaqAdminException e) {
            FaqEntry entry = faq.entry(key);
            int status = e.kind() == FaqAdminException.Kind.CONFLICT ? 409 : 400;
            showForm(ctx, status, entry, form, basedOn, "", e.getMessage(), e.fieldErrors());
        }
    }

    private void showForm(Context ctx, int status, FaqEntry entry, FaqForm form, int version, String notice, String error,
                          Map<String, String> fieldErrors) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("entry", entry);
        params.put("form", form);
        params.put("version", version);
        params.put("notice", notice);
        params.put("error", error);
        params.put("fieldErrors", fieldErrors);
        params.put("preview", preview.render(entry.key(), form.draft()));
        ctx.status(status);
        pages.render(ctx, "admin/faq_edit.jte", params);
    }

    /**
     * A new entry with a new topic key, and the example questions the classifier learns it from: it is answered
     * from the topic menu at once, and for typed questions after the next retraining.
     */
    private void create(Context ctx) {
        String key = ctx.formParam("key") == null ? "" : ctx.formParam("key").strip();
        String topic = ctx.formParam("topic") == null ? "" : ctx.formParam("topic");
        String exampleText = ctx.formParam("examples") == null ? "" : ctx.formParam("examples");
        FaqForm form = FaqForm.posted(ctx);
        List<String> questions = exampleText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (questions.isEmpty()) {
            showNew(ctx, 400, key, topic, form, exampleText, "", Map.of("examples", "Tulis minimal satu contoh pertanyaan."));
            return;
        }
        String admin = StaffContext.of(ctx).account().username();
        try {
            faq.create(key, topic, form.draft(), admin);
        } catch (FaqAdminException e) {
            showNew(ctx, 400, key, topic, form, exampleText, e.getMessage(), e.fieldErrors());
            return;
        }
        questions.forEach(question -> examples.add(key, question, admin, java.util.OptionalLong.empty()));
        ctx.redirect("/admin/faq/" + key + "?tersimpan=1");
    }

    private void showNew(Context ctx, int status, String key, String topic, FaqForm form, String exampleText, String error,
                         Map<String, String> fieldErrors) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("key", key);
        params.put("topic", topic);
        params.put("form", form);
        params.put("examples", exampleText);
        params.put("error", error);
        params.put("fieldErrors", fieldErrors);
        params.put("topics", id.klinikumkm.bot.faq.FaqEntry.TOPICS);
        ctx.status(status);
        pages.render(ctx, "admin/faq_new.jte", params);
    }

    /** The preview of a half-typed form, for the page's script: spans of text to insert as text, and button labels. */
    private void previewJson(Context ctx) {
        FaqPreview.Preview shown = preview.render(ctx.pathParam("key"), FaqForm.posted(ctx).draft());
        ctx.json(Map.of("firstScreen", shown.firstScreenSpans(), "details", shown.detailsSpans(), "buttons", shown.buttons()));
    }

    private void history(Context ctx) {
        String key = ctx.pathParam("key");
        FaqEntry entry = faq.entry(key);
        int to = version(ctx.queryParam("ke") == null ? String.valueOf(entry.version()) : ctx.queryParam("ke"));
        int from = version(ctx.queryParam("dari") == null ? String.valueOf(Math.max(1, to - 1)) : ctx.queryParam("dari"));
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("entry", entry);
        params.put("revisions", faq.revisions(key));
        params.put("diff", faq.diff(key, from, to));
        pages.render(ctx, "admin/faq_history.jte", params);
    }

    private void restore(Context ctx) {
        String key = ctx.pathParam("key");
        faq.restore(key, version(ctx.formParam("restore")), version(ctx.formParam("version")),
                StaffContext.of(ctx).account().username());
        ctx.redirect("/admin/faq/" + key + "?tersimpan=1");
    }

    private static int version(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The list's search and its filter ({@code tampil}): stale, uncertain, often unhelpful, or everything. */
    static FaqFilter filter(String search, String show) {
        FaqFilter filter = FaqFilter.all().matching(search);
        return switch (show) {
            case "lama" -> filter.staleAfter(STALE_AFTER_DAYS);
            case "belum-pasti" -> filter.uncertain();
            case "kurang-membantu" -> filter.oftenUnhelpful(UNHELPFUL_MIN_VOTES, UNHELPFUL_MIN_SHARE);
            default -> filter;
        };
    }
}
