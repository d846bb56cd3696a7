package id.klinikumkm.bot.conversation;

import java.util.List;
import java.util.Set;

/**
 * The intent keys: a stable public contract shared by the classifier's training data, the dialogue and the
 * FAQ entries. Renaming one is a breaking change.
 */
public final class Intents {
    public static final String OUT_OF_SCOPE = "out_of_scope";
    public static final String GREETING = "smalltalk.greeting";
    public static final String THANKS = "smalltalk.thanks";
    public static final String HANDOFF = "handoff.request";
    public static final String CASE_STATUS = "case.status";

    /** Every key the classifier may return, {@link #OUT_OF_SCOPE} last. */
    public static final List<String> ALL = List.of(
            "legal.nib.register",
            "legal.nib.requirements",
            "legal.nib.cost",
            "legal.kbli",
            "legal.pirt",
            "legal.bpom",
            "legal.trademark",
            "packaging.design",
            "packaging.label",
            "packaging.material",
            "halal.register",
            "halal.self_declare",
            "halal.cost",
            "halal.requirements",
            "halal.duration",
            "halal.mandatory",
            "clinic.info",
            HANDOFF,
            CASE_STATUS,
            GREETING,
            THANKS,
            OUT_OF_SCOPE);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private Intents() {}

    public static boolean isKnown(String key) {
        return KNOWN.contains(key);
    }

    /** A topic the bot answers (not small talk, not out of scope). */
    public static boolean isTopic(String key) {
        return isKnown(key) && !OUT_OF_SCOPE.equals(key) && !key.startsWith("smalltalk.");
    }
}
