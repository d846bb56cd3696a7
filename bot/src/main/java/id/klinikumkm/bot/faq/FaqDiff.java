package id.klinikumkm.bot.faq;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * The line differences between two versions of an entry, in order, as a unified diff shows them: unchanged
 * lines, then what the older version had ({@code REMOVED}) and what the newer has ({@code ADDED}).
 * Computed with java-diff-utils (Myers' algorithm) rather than by hand: a home-made diff is easy to get
 * subtly wrong on repeated lines.
 */
public record FaqDiff(String key, int fromVersion, int toVersion, List<Line> lines) {
    public enum Change { SAME, REMOVED, ADDED }

    public record Line(Change change, String text) {}

    public FaqDiff {
        lines = List.copyOf(lines);
    }

    public boolean identical() {
        return lines.stream().allMatch(line -> line.change() == Change.SAME);
    }

    static FaqDiff between(String key, FaqRevision from, FaqRevision to) {
        List<String> before = from.lines();
        List<String> after = to.lines();
        List<Line> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int start = delta.getSource().getPosition();
            before.subList(position, start).forEach(text -> lines.add(new Line(Change.SAME, text)));
            delta.getSource().getLines().forEach(text -> lines.add(new Line(Change.REMOVED, text)));
            delta.getTarget().getLines().forEach(text -> lines.add(new Line(Change.ADDED, text)));
            position = start + delta.getSource().size();
        }
        before.subList(position, before.size()).forEach(text -> lines.add(new Line(Change.SAME, text)));
        return new FaqDiff(key, from.version(), to.version(), lines);
    }
}
