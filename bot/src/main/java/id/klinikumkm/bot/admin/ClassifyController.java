package id.klinikumkm.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.TextCleaner;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.JsonBody;
import id.klinikumkm.bot.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Coba pertanyaan": how the bot understands a message, for admins tuning answers and training data. The page
 * {@code /admin/coba} and the API below show the same; nothing is stored.
 * <pre>
 * POST /api/admin/nlu/classify  (Authorization: Bearer TOKEN)  {"text": "gmn cara bikin nib kak"}
 * -> 200 {"normalised": "bagaimana cara buat nib kakak", "decision": "answer",
 *         "top": [{"intent": "legal.nib.register", "probability": 0.93}, ...]}
 * </pre>
 */
final class ClassifyController implements Routes {
    private final IntentClassifier classifier;
    private final ObjectMapper json;
    private final int maxTextChars;
    private final Pages pages;

    ClassifyController(IntentClassifier classifier, ObjectMapper json, int maxTextChars, Pages pages) {
        this.classifier = classifier;
        this.json = json;
        this.maxTextChars = maxTextChars;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/admin/nlu/classify", this::classifyApi, StaffRole.ADMIN);
        routes.get("/admin/coba", ctx -> page(ctx, "", null), StaffRole.ADMIN);
        routes.post("/admin/coba", this::classifyPage, StaffRole.ADMIN);
    }

    private void classifyApi(Context ctx) {
        String text = JsonBody.string(JsonBody.object(json, ctx.body()), "text");
        ctx.json(classification(validated(text)));
    }

    private void classifyPage(Context ctx) {
        String text = ctx.formParam("text") == null ? "" : ctx.formParam("text");
        try {
            page(ctx, text, classification(validated(text)));
        } catch (ApiException e) {
            ctx.status(400);
            Map<String, Object> params = params(ctx, text, null);
            params.put("error", e.getMessage());
            pages.render(ctx, "admin/try.jte", params);
        }
    }

    private void page(Context ctx, String text, Classification result) {
        pages.render(ctx, "admin/try.jte", params(ctx, text, result));
    }

    private static Map<String, Object> params(Context ctx, String text, Classification result) {
        Map<String, Object> params = new HashMap<>();
        params.put("staff", StaffContext.of(ctx));
        params.put("text", text);
        params.put("result", result);
        params.put("error", "");
        return params;
    }

    private String validated(String value) {
        if (value == null) {
            throw ApiException.badRequest("\"text\" belum diisi.");
        }
        if (value.isBlank()) {
            throw ApiException.badRequest("Teks pertanyaan kosong.");
        }
        if (value.codePointCount(0, value.length()) > maxTextChars) {
            throw ApiException.badRequest("Teks terlalu panjang: paling banyak " + maxTextChars + " karakter.");
        }
        return value;
    }

    private Classification classification(String text) {
        Interpretation meaning = classifier.interpret(TextCleaner.clean(text));
        return new Classification(meaning.normalisedText(), meaning.decision().id(),
                meaning.top().stream().map(s -> new Classification.Score(s.key(), Math.round(s.probability() * 10_000) / 10_000.0)).toList());
    }
}
