package id.klinikumkm.bot.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * Reads and writes jsonb columns (selected as text) with one mapper. A column that cannot be read is a
 * corrupt row, not bad input: it fails loudly.
 */
public final class JsonColumns {
    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable JSON column", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON column", e);
        }
    }
}
