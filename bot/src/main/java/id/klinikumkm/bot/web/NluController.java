package id.klinikumkm.bot.web;

import id.klinikumkm.bot.http.Routes;
import id.klinikumkm.bot.http.ApiException;
import id.klinikumkm.bot.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.TextCleaner;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Shows how the bot understands a message, for admins tuning the FAQ and the training data:
 * <pre>
 * curl -s -X POST localhost:7070/api/nlu/classify -H 'Content-Type: application/json' \
 *      -d '{"text": "gmn cara bikin nib kak"}'
 * -> 200 {"normalised": "bagaimana cara buat nib kakak", "decision": "answer",
 *         "top": [{"intent": "legal.nib.register", "probability": 0.93}, ...]}
 * </pre>
 * {@code decision} is {@code answer}, {@code clarify} or {@code fallback}; {@code top} lists the three most
 * probable intents, best first. Bad input gets 400 {@code {"error": "..."}}. Nothing is stored. To be put
 * behind the admin login when the admin pages add one.
 */
public final class NluController implements Routes {
    private final IntentClassifier classifier;
    private final ObjectMapper json;
    private final int maxTextChars;

    public NluController(IntentClassifier classifier, ObjectMapper json, int maxTextChars) {
        this.classifier = classifier;
        this.json = json;
        this.maxTextChars = maxTextChars;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/nlu/classify", this::classify);
    }

    private void classify(Context ctx) {
        String text = text(ctx.body());
        Interpretation meaning = classifier.interpret(TextCleaner.clean(text));
        ctx.json(new Classification(meaning.normalisedText(), meaning.decision().id(),
                meaning.top().stream().map(s -> new Score(s.key(), round(s.probability()))).toList()));
    }

    private String text(String body) {
        String value = JsonBody.string(JsonBody.object(json, body), "text");
        if (value == null) {
            throw ApiException.badRequest("\"text\" belum diisi.");
        }
        if (value.isBlank()) {
            throw ApiException.badRequest("Teks kosong. Mohon tulis pertanyaannya.");
        }
        if (value.codePointCount(0, value.length()) > maxTextChars) {
            throw ApiException.badRequest("Teks terlalu panjang: paling banyak " + maxTextChars + " karakter.");
        }
        return value;
    }

    private static double round(double probability) {
        return Math.round(probability * 10_000) / 10_000.0;
    }

    record Classification(String normalised, String decision, List<Score> top) {}

    record Score(String intent, double probability) {}
}
