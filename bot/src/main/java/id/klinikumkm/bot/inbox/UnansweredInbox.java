package id.klinikumkm.bot.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.storage.JsonColumns;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inbox of open unanswered questions, grouped so staff handle "apa itu NIB?" once however many people asked
 * it. Grouping happens here rather than in SQL so the normalisation is one piece of Java that tests can pin
 * down; the open questions are few (staff clear them), so reading them all is cheap.
 */
public final class UnansweredInbox {
    /** What the group of questions stored without text shows instead of text. */
    public static final String NO_TEXT_LABEL = "(teks tidak disimpan — pengguna belum memberi persetujuan)";
    /** The id of that group. */
    public static final String NO_TEXT_GROUP = "tanpa-teks";
    static final String DISMISSED = "dismissed";
    static final String EXAMPLE_PREFIX = "example:";
    private static final TypeReference<List<Map<String, Object>>> INTENTS = new TypeReference<>() {};

    private final UnansweredInboxDao dao;
    private final JsonColumns json;

    public UnansweredInbox(UnansweredInboxDao dao, ObjectMapper json) {
        this.dao = dao;
        this.json = new JsonColumns(json);
    }

    /** The open questions in groups, the most asked first (then the most recent). */
    public List<QuestionGroup> groups() {
        return group(dao.open());
    }

    /**
     * Marks every open question of the group as dismissed (nothing to do about them).
     *
     * @return how many questions it closed; 0 when the group was already handled (e.g. by another admin)
     */
    public int dismiss(String groupId, String admin) {
        return resolve(groupId, DISMISSED, admin, "inbox.dismissed");
    }

    /**
     * Records that the group was added as a training example of {@code topicKey}. The caller adds the example
     * itself (through the NLU's training examples) with {@link QuestionGroup#text()}.
     *
     * @return how many questions it closed; 0 when the group was already handled
     * @throws IllegalArgumentException (Indonesian message) for a key that is no topic, or the group without text
     */
    public int markAddedAsExample(String groupId, String topicKey, String admin) {
        if (!Intents.isTopic(topicKey)) {
            throw new IllegalArgumentException("Topik " + topicKey + " tidak valid untuk contoh pelatihan.");
        }
        if (NO_TEXT_GROUP.equals(groupId)) {
            throw new IllegalArgumentException("Pertanyaan yang teksnya tidak disimpan tidak bisa dijadikan contoh pelatihan.");
        }
        return resolve(groupId, EXAMPLE_PREFIX + topicKey, admin, "inbox.example_added");
    }

    private int resolve(String groupId, String resolution, String admin, String action) {
        if (Objects.requireNonNull(admin, "admin").isBlank()) {
            throw new IllegalArgumentException("the admin's name is required");
        }
        return dao.inTransaction(tx -> {
            List<Long> ids = tx.open().stream().filter(question -> groupIdOf(question).equals(groupId)).map(OpenQuestion::id).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            int resolved = tx.resolve(ids, resolution, admin);
            // Only counts and the resolution: the audit log never holds what users typed.
            tx.auditByAdmin(admin, action, "unanswered:" + groupId, json.write(Map.of("questions", resolved, "resolution", resolution)));
            return resolved;
        });
    }

    List<QuestionGroup> group(List<OpenQuestion> questions) {
        Map<String, List<OpenQuestion>> byGroup = questions.stream()
                .collect(Collectors.groupingBy(UnansweredInbox::groupIdOf, LinkedHashMap::new, Collectors.toList()));
        return byGroup.entrySet().stream().map(group -> summary(group.getKey(), group.getValue()))
                .sorted(Comparator.comparingInt(QuestionGroup::count).reversed()
                        .thenComparing(QuestionGroup::lastAt, Comparator.reverseOrder()))
                .toList();
    }

    private QuestionGroup summary(String id, List<OpenQuestion> questions) {
        OpenQuestion latest = questions.stream().max(Comparator.comparing(OpenQuestion::createdAt).thenComparingLong(OpenQuestion::id))
                .orElseThrow();
        OpenQuestion first = questions.stream().min(Comparator.comparing(OpenQuestion::createdAt)).orElseThrow();
        boolean stored = !NO_TEXT_GROUP.equals(id);
        return new QuestionGroup(id, stored ? latest.text() : NO_TEXT_LABEL, stored, questions.size(), first.createdAt(),
                latest.createdAt(), List.copyOf(questions.stream().map(OpenQuestion::reason).collect(Collectors.toCollection(TreeSet::new))),
                mostFrequentTopIntent(questions), latest.id());
    }

    /** The key most often ranked first by the classifier; ties go to the alphabetically first key, so the page is stable. */
    private Optional<String> mostFrequentTopIntent(List<OpenQuestion> questions) {
        Map<String, Long> counts = questions.stream().map(this::topIntent).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    private Optional<String> topIntent(OpenQuestion question) {
        return json.read(question.topIntents(), INTENTS).stream().findFirst()
                .map(best -> best.get("key")).filter(String.class::isInstance).map(String.class::cast);
    }

    private static String groupIdOf(OpenQuestion question) {
        return question.text().isEmpty() ? NO_TEXT_GROUP : QuestionText.groupId(QuestionText.normalise(question.text()));
    }
}
