package id.klinikumkm.bot.faq;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.storage.JsonColumns;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The jsonb columns of entries and revisions (sources, related keys), read and written one way for both. */
final class FaqJson {
    private static final TypeReference<List<FaqEntry.Source>> SOURCES = new TypeReference<>() {};
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {};

    private final JsonColumns json;

    FaqJson(ObjectMapper mapper) {
        this.json = new JsonColumns(mapper);
    }

    FaqEntry entry(FaqRow row) {
        return new FaqEntry(row.intentKey(), row.topic(), row.title(), row.answer(), row.details(),
                sources(row.sources()), row.reviewedOn(), row.uncertain(), keys(row.related()),
                row.menuOrder() == null ? OptionalInt.empty() : OptionalInt.of(row.menuOrder()), row.published(), row.version());
    }

    List<FaqEntry.Source> sources(String column) {
        return json.read(column, SOURCES);
    }

    List<String> keys(String column) {
        return json.read(column, KEYS);
    }

    /** Only title and URL are stored; the rest of a source is derived from them. */
    String sourcesJson(List<FaqEntry.Source> sources) {
        return json.write(sources.stream().map(source -> Map.of("title", source.title(), "url", source.url())).toList());
    }

    String write(Object value) {
        return json.write(value);
    }

    static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
