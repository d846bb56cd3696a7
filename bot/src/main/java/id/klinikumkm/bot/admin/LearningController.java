package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqFilter;
import id.klinikumkm.bot.faq.FaqListItem;
import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.inbox.QuestionGroup;
import id.klinikumkm.bot.inbox.UnansweredInbox;
import id.klinikumkm.bot.nlu.Retrainer;
import id.klinikumkm.bot.nlu.TrainingExamples;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Teaching the bot: the inbox of questions it could not answer well (add one as a training example of a
 * topic, or dismiss it) and the guarded retraining (start it, see its progress and the last runs' figures).
 */
final class LearningController implements Routes {
    private final UnansweredInbox inbox;
    private final TrainingExamples examples;
    private final Retrainer retrainer;
    private final FaqAdmin faq;
    private final Pages pages;

    LearningController(UnansweredInbox inbox, TrainingExamples examples, Retrainer retrainer, FaqAdmin faq, Pages pages) {
        this.inbox = inbox;
        this.examples = examples;
        this.retrainer = retrainer;
        this.faq = faq;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/kotak-masuk", this::inboxPage, StaffRole.ADMIN);
        routes.post("/admin/kotak-masuk/{group}/contoh", this::addExample, StaffRole.ADMIN);
        routes.post("/admin/kotak-masuk/{group}/abaikan", this::dismiss, StaffRole.ADMIN);
        routes.get("/admin/latih", this::retrainPage, StaffRole.ADMIN);
        routes.post("/admin/latih", this::retrain, StaffRole.ADMIN);
    }

    private void inboxPage(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("groups", inbox.groups());
        params.put("topics", faq.list(FaqFilter.all()).stream().map(FaqListItem::key).sorted().toList());
        params.put("notice", Optional.ofNullable(ctx.queryParam("pesan")).map(LearningController::notice).orElse(""));
        params.put("noTextGroup", UnansweredInbox.NO_TEXT_GROUP);
        pages.render(ctx, "admin/inbox.jte", params);
    }

    private void addExample(Context ctx) {
        String groupId = ctx.pathParam("group");
        String topic = ctx.formParam("topic") == null ? "" : ctx.formParam("topic").strip();
        Optional<QuestionGroup> group = inbox.groups().stream().filter(g -> g.id().equals(groupId) && g.textStored()).findFirst();
        if (group.isEmpty() || faq.list(FaqFilter.all()).stream().noneMatch(item -> item.key().equals(topic))) {
            ctx.redirect("/admin/kotak-masuk?pesan=tidak-sah");
            return;
        }
        String admin = StaffContext.of(ctx).account().username();
        examples.add(topic, group.get().text(), admin, OptionalLong.of(group.get().latestQuestionId()));
        inbox.markAddedAsExample(groupId, topic, admin);
        ctx.redirect("/admin/kotak-masuk?pesan=contoh");
    }

    private void dismiss(Context ctx) {
        inbox.dismiss(ctx.pathParam("group"), StaffContext.of(ctx).account().username());
        ctx.redirect("/admin/kotak-masuk?pesan=abaikan");
    }

    private void retrainPage(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("status", retrainer.status(10));
        params.put("exampleCount", examples.list().size());
        params.put("notice", Optional.ofNullable(ctx.queryParam("pesan")).map(LearningController::notice).orElse(""));
        pages.render(ctx, "admin/retrain.jte", params);
    }

    private void retrain(Context ctx) {
        boolean started = retrainer.start(StaffContext.of(ctx).account().username()).isPresent();
        ctx.redirect("/admin/latih?pesan=" + (started ? "mulai" : "sedang"));
    }

    private static String notice(String code) {
        return switch (code) {
            case "contoh" -> "Pertanyaan ditambahkan sebagai contoh latihan. Jalankan pelatihan ulang agar bot mempelajarinya.";
            case "abaikan" -> "Pertanyaan diabaikan.";
            case "tidak-sah" -> "Pertanyaan atau topik itu tidak ditemukan; tidak ada yang diubah.";
            case "mulai" -> "Pelatihan ulang dimulai. Halaman ini menampilkan kemajuannya; muat ulang untuk melihat yang terbaru.";
            case "sedang" -> "Pelatihan ulang sedang berjalan; tunggu sampai selesai.";
            default -> "";
        };
    }
}
