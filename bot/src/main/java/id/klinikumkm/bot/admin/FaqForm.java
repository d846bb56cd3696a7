package id.klinikumkm.bot.admin;

import id.klinikumkm.bot.faq.FaqDraft;
import id.klinikumkm.bot.faq.FaqEntry;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The FAQ edit form's fields, both ways: a draft from what the admin posted (kept as typed, checked by the
 * FAQ when saving) and the fields' text from a draft. Sources are one per line, {@code title | https://address}.
 */
public record FaqForm(String title, String answer, String details, String sources, String reviewedOn, boolean uncertain,
                      String related, String menuOrder, boolean published) {

    /** A blank form for a new entry, reviewed today and published. */
    static FaqForm empty() {
        return new FaqForm("", "", "", "", LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString(), false, "", "", true);
    }

    static FaqForm of(FaqDraft draft) {
        return new FaqForm(draft.title(), draft.answer(), draft.details(),
                draft.sources().stream().map(s -> s.title() + " | " + s.url()).collect(Collectors.joining("\n")),
                draft.reviewedOn() == null ? "" : draft.reviewedOn().toString(), draft.uncertain(),
                String.join(", ", draft.related()),
                draft.menuOrder().isPresent() ? String.valueOf(draft.menuOrder().getAsInt()) : "", draft.published());
    }

    static FaqForm posted(Context ctx) {
        return new FaqForm(field(ctx, "title"), field(ctx, "answer"), field(ctx, "details"), field(ctx, "sources"),
                field(ctx, "reviewedOn"), ctx.formParam("uncertain") != null, field(ctx, "related"), field(ctx, "menuOrder"),
                ctx.formParam("published") != null);
    }

    FaqDraft draft() {
        List<FaqEntry.Source> parsedSources = new ArrayList<>();
        for (String line : sources.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            parsedSources.add(bar < 0 ? new FaqEntry.Source(line.strip(), line.strip())
                    : new FaqEntry.Source(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
        }
        LocalDate reviewed;
        try {
            reviewed = reviewedOn.isBlank() ? null : LocalDate.parse(reviewedOn.strip());
        } catch (DateTimeParseException e) {
            reviewed = null;
        }
        OptionalInt order;
        try {
            order = menuOrder.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(menuOrder.strip()));
        } catch (NumberFormatException e) {
            order = OptionalInt.empty();
        }
        List<String> relatedKeys = Arrays.stream(related.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
        return new FaqDraft(title, answer, details, parsedSources, reviewed, uncertain, relatedKeys, order, published);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
