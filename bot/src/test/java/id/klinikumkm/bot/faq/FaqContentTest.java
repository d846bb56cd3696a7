package id.klinikumkm.bot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.nlu.IntentDataFile;
import id.klinikumkm.bot.nlu.LabelledText;
import id.klinikumkm.bot.testing.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped FAQ seed and bot texts: complete, sourced, current, and free of placeholder wording. */
class FaqContentTest {
    /** Wording of the placeholders the bot had before its answers were written. */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)sedang (kami )?(siapkan|disiapkan)|segera tersedia|placeholder|\\bTODO\\b|lorem ipsum|coming soon|\\bTBD\\b");
    /** The bot speaks to Bapak/Ibu; "Anda" or "kamu" would break the one tone. */
    static final Pattern OTHER_TONE = Pattern.compile("(?iU)\\b(anda|kamu)\\b");
    private static final Path SEED = RepoFiles.root().resolve("config/faq");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    private final List<SeedEntry> seed = SeedFiles.readDirectory(SEED);
    private final Map<String, FaqEntry> entries = seed.stream().map(SeedEntry::entry)
            .collect(Collectors.toMap(FaqEntry::key, Function.identity()));

    /** The topics the classifier is trained to recognise, all of which must be answerable. */
    private static Set<String> trainedTopics() {
        return IntentDataFile.read(RepoFiles.nlpModels().resolve("intents-id.train")).stream()
                .map(LabelledText::intent).filter(Intents::isTopic).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_answerable_key_has_a_published_entry_with_an_official_source_and_a_review_date() {
        Set<String> topics = trainedTopics();
        assertThat(topics).contains("legal.start", "other.finance", "legal.nib.cost", "halal.mandatory", "clinic.info");
        for (String key : topics) {
            assertThat(entries).as("entry for " + key).containsKey(key);
            FaqEntry entry = entries.get(key);
            assertThat(entry.published()).isTrue();
            assertThat(entry.sources()).as(key).anySatisfy(source -> {
                assertThat(source.url()).startsWith("https://");
                assertThat(source.host()).endsWith(".go.id");
            });
            assertThat(entry.reviewedOn()).as(key).isBeforeOrEqualTo(TODAY).isAfter(TODAY.minusYears(1));
        }
    }

    @Test
    void the_permit_helper_has_a_checklist_entry_for_every_product_kind() {
        for (String kind : List.of("packaged", "ready_to_eat", "bpom", "non_food")) {
            assertThat(entries).containsKey(PermitHelperFlow.ENTRY + "." + kind);
        }
    }

    @Test
    void no_entry_or_bot_text_contains_placeholder_wording_or_another_tone() throws IOException {
        String texts = Files.readString(RepoFiles.root()
                .resolve("bot/src/main/resources/id/klinikumkm/bot/conversation/texts.properties"), StandardCharsets.UTF_8);
        String textsWithoutComments = texts.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        assertThat(PLACEHOLDER.matcher(textsWithoutComments).find()).as("placeholder wording in texts.properties").isFalse();
        assertThat(OTHER_TONE.matcher(textsWithoutComments).results().map(m -> m.group()).toList()).as("texts.properties").isEmpty();
        for (FaqEntry entry : entries.values()) {
            String all = entry.title() + "\n" + entry.answer() + "\n" + entry.details();
            assertThat(PLACEHOLDER.matcher(all).find()).as("placeholder wording in " + entry.key()).isFalse();
            assertThat(OTHER_TONE.matcher(all).results().map(m -> m.group()).toList()).as(entry.key()).isEmpty();
        }
    }

    @Test
    void the_placeholder_check_would_catch_the_old_wording() {
        assertThat(PLACEHOLDER.matcher("Jawaban lengkapnya sedang kami siapkan bersama petugas klinik.").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("sedang kami siapkan dan akan segera tersedia").find()).isTrue();
        assertThat(OTHER_TONE.matcher("Maksud Anda biaya NIB?").find()).isTrue();
    }

    @Test
    void entries_fit_a_phone_and_telegram_buttons() {
        for (FaqEntry entry : entries.values()) {
            assertThat(entry.answer().codePointCount(0, entry.answer().length())).as(entry.key()).isLessThanOrEqualTo(600);
            assertThat(entry.title().length()).as(entry.key()).isLessThanOrEqualTo(40);
            assertThat(entry.related()).as(entry.key()).allSatisfy(key -> assertThat(entries).containsKey(key));
            // The longest payload an entry's buttons carry still fits Telegram's callback data.
            assertThat(Payload.of("faq", "vote", entry.key(), "999999", "down")).isNotEmpty();
        }
    }

    @Test
    void passed_deadlines_read_as_passed() {
        String halal = entries.get("halal.mandatory").answer();
        assertThat(halal).contains("18 Oktober 2026").containsIgnoringCase("sudah wajib");
        assertThat(entries.values()).allSatisfy(entry -> assertThat(entry.answer() + entry.details())
                .as(entry.key()).doesNotContainPattern("(?i)(mulai|akan) (wajib )?(pada )?(17|18) Oktober 2026 (nanti|mendatang)"));
    }
}
