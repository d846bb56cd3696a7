package id.klinikumkm.bot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The swap rules, without training a real model: a model only gives way to a newer version. */
class ReloadableClassifierTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.parse(List.of(), "none");
    private static final DecisionPolicy POLICY = new DecisionPolicy(0.6, 0.2, 0.3);

    @Test
    void a_newer_version_is_swapped_in_and_an_older_one_is_ignored() {
        NluService seed = service("seed");
        NluService v2 = service("v2");
        NluService v1 = service("v1");
        var classifier = new ReloadableClassifier(seed, "hash");
        assertEquals(ReloadableClassifier.SEED_VERSION, classifier.version());

        assertTrue(classifier.offer(v2, 2));
        assertFalse(classifier.offer(v1, 1), "the watcher may offer an older model after the retrainer swapped");
        assertFalse(classifier.offer(service("again"), 2));

        assertSame(v2, classifier.serving().service());
        assertEquals(2, classifier.version());
    }

    private static NluService service(String name) {
        return new NluService(NORMALISER, null, POLICY, name);
    }
}
