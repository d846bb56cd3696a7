package id.klinikumkm.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads JSON request bodies for the API, refusing malformed ones with a clear 400. */
public final class JsonBody {
    private JsonBody() {}

    /** The body as a JSON object. */
    public static JsonNode object(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("Isi kiriman kosong. Kirim sebuah objek JSON.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("Isi kiriman harus berupa objek JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Isi kiriman bukan JSON yang benar.");
        }
    }

    /** A string field, or null when absent or null; anything else is refused. */
    public static String string(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("\"" + name + "\" harus berupa teks.");
        }
        return value.asText();
    }
}
