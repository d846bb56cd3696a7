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
            throw ApiException.badRequest("The request body is empty; send a JSON object.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        }
    }

    /** A string field, or null when absent or null; anything else is refused. */
    public static String string(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("\"" + name + "\" must be a string.");
        }
        return value.asText();
    }
}
