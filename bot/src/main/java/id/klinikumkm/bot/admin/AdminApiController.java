package id.klinikumkm.bot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqDraft;
import id.klinikumkm.bot.faq.FaqEntry;
import id.klinikumkm.bot.faq.FaqFilter;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.JsonBody;
import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.inbox.QuestionGroup;
import id.klinikumkm.bot.inbox.UnansweredInbox;
import id.klinikumkm.bot.nlu.Retrainer;
import id.klinikumkm.bot.nlu.TrainingExamples;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The admin pages' capabilities as JSON, for scripts and other tools, authenticated by an API token
 * ({@code Authorization: Bearer ...}, made with {@code user token}) or the page session plus its CSRF token in
 * {@code X-CSRF-Token}. Refusals are {@code {"error": "..."}} in Indonesian, with {@code fields} for invalid edits.
 * <pre>
 * GET  /api/admin/faq?cari=&amp;tampil=lama|belum-pasti|kurang-membantu     GET  /api/admin/faq/{key}
 * PUT  /api/admin/faq/{key}  {"version": 3, "title": ..., "answer": ..., "details": ..., "sources": [{"title","url"}],
 *                             "reviewedOn": "2026-11-29", "uncertain": false, "related": [...], "menuOrder": 10, "published": true}
 * GET  /api/admin/faq/{key}/revisions                                 POST /api/admin/faq/{key}/restore {"version": 1, "basedOn": 3}
 * GET  /api/admin/inbox        POST /api/admin/inbox/{group}/example {"topic": "legal.start"}    POST /api/admin/inbox/{group}/dismiss
 * GET  /api/admin/retrain      POST /api/admin/retrain
 * </pre>
 */
final class AdminApiController implements Routes {
    private final FaqAdmin faq;
    private final UnansweredInbox inbox;
    private final TrainingExamples examples;
    private final Retrainer retrainer;
    private final ObjectMapper json;

    AdminApiController(FaqAdmin faq, UnansweredInbox inbox, TrainingExamples examples, Retrainer retrainer, ObjectMapper json) {
        this.faq = faq;
        this.inbox = inbox;
        this.examples = examples;
        this.retrainer = retrainer;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/admin/faq", ctx -> ctx.json(faq.list(filter(ctx))), StaffRole.ADMIN);
        routes.get("/api/admin/faq/{key}", ctx -> ctx.json(faq.entry(ctx.pathParam("key"))), StaffRole.ADMIN);
        routes.put("/api/admin/faq/{key}", this::save, StaffRole.ADMIN);
        routes.get("/api/admin/faq/{key}/revisions", ctx -> ctx.json(faq.revisions(ctx.pathParam("key"))), StaffRole.ADMIN);
        routes.post("/api/admin/faq/{key}/restore", this::restore, StaffRole.ADMIN);
        routes.get("/api/admin/inbox", ctx -> ctx.json(inbox.groups()), StaffRole.ADMIN);
        routes.post("/api/admin/inbox/{group}/example", this::example, StaffRole.ADMIN);
        routes.post("/api/admin/inbox/{group}/dismiss", ctx -> ctx.json(Map.of("closed",
                inbox.dismiss(ctx.pathParam("group"), admin(ctx)))), StaffRole.ADMIN);
        routes.get("/api/admin/retrain", ctx -> ctx.json(retrainer.status(10)), StaffRole.ADMIN);
        routes.post("/api/admin/retrain", ctx -> ctx.status(202).json(Map.of("started",
                retrainer.start(admin(ctx)).isPresent())), StaffRole.ADMIN);
    }

    private static FaqFilter filter(Context ctx) {
        return FaqController.filter(Optional.ofNullable(ctx.queryParam("cari")).orElse(""),
                Optional.ofNullable(ctx.queryParam("tampil")).orElse(""));
    }

    private void save(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body());
        ctx.json(faq.save(ctx.pathParam("key"), number(body, "version"), draft(body), admin(ctx)));
    }

    private void restore(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body());
        ctx.json(faq.restore(ctx.pathParam("key"), number(body, "version"), number(body, "basedOn"), admin(ctx)));
    }

    private void example(Context ctx) {
        String topic = Optional.ofNullable(JsonBody.string(JsonBody.object(json, ctx.body()), "topic")).orElse("");
        QuestionGroup group = inbox.groups().stream().filter(g -> g.id().equals(ctx.pathParam("group")) && g.textStored())
                .findFirst().orElseThrow(() -> new ApiException(404, "Pertanyaan itu tidak ditemukan atau sudah ditangani."));
        faq.entry(topic);
        long id = examples.add(topic, group.text(), admin(ctx), OptionalLong.of(group.latestQuestionId()));
        inbox.markAddedAsExample(group.id(), topic, admin(ctx));
        ctx.json(Map.of("example", id));
    }

    private static FaqDraft draft(JsonNode body) {
        List<FaqEntry.Source> sources = new ArrayList<>();
        body.path("sources").forEach(s -> sources.add(new FaqEntry.Source(s.path("title").asText(""), s.path("url").asText(""))));
        List<String> related = new ArrayList<>();
        body.path("related").forEach(key -> related.add(key.asText("")));
        LocalDate reviewed;
        try {
            reviewed = body.hasNonNull("reviewedOn") ? LocalDate.parse(body.get("reviewedOn").asText()) : null;
        } catch (DateTimeParseException e) {
            reviewed = null;
        }
        OptionalInt menuOrder = body.path("menuOrder").isInt() ? OptionalInt.of(body.get("menuOrder").asInt()) : OptionalInt.empty();
        return new FaqDraft(body.path("title").asText(""), body.path("answer").asText(""), body.path("details").asText(""),
                sources, reviewed, body.path("uncertain").asBoolean(false), related, menuOrder, body.path("published").asBoolean(true));
    }

    private static int number(JsonNode body, String field) {
        if (!body.path(field).isInt()) {
            throw ApiException.badRequest("\"" + field + "\" harus bilangan bulat.");
        }
        return body.get(field).asInt();
    }

    private static String admin(Context ctx) {
        return StaffContext.of(ctx).account().username();
    }
}
