package id.klinikumkm.bot.faq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored version of an entry (the current one included).
 *
 * @param changedBy {@code seed} or the admin's user name
 */
public record FaqRevision(int version, FaqDraft content, String changedBy, Instant changedAt) {

    /**
     * The version as labelled lines, the unit a diff compares: one line per short field, then the answer and the
     * details line by line, so a changed sentence shows as that line, not as a whole new answer.
     */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Judul: " + content.title());
        lines.add("Terakhir diperiksa: " + content.reviewedOn());
        lines.add("Belum pasti: " + (content.uncertain() ? "ya" : "tidak"));
        lines.add("Tampil di menu: " + (content.menuOrder().isPresent() ? "urutan " + content.menuOrder().getAsInt() : "tidak"));
        lines.add("Terbit: " + (content.published() ? "ya" : "tidak"));
        lines.add("Entri terkait: " + String.join(", ", content.related()));
        for (FaqEntry.Source source : content.sources()) {
            lines.add("Sumber: " + source.title() + " | " + source.url());
        }
        lines.add("");
        lines.add("Jawaban:");
        lines.addAll(content.answer().lines().toList());
        lines.add("");
        lines.add("Selengkapnya:");
        lines.addAll(content.details().lines().toList());
        return lines;
    }
}
